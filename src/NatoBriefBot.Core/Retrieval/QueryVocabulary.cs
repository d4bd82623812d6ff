using System.Collections.Frozen;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>The word lists query analysis uses: domain synonyms, phrase rewrites, capitalized non-names and the words that
/// shape a question rather than say what it is about.</summary>
internal static class QueryVocabulary
{
    /// <summary>Words people use for NATO roles and ideas that briefings phrase differently. Query-side only.</summary>
    public static readonly FrozenDictionary<string, string> Synonyms = new Dictionary<string, string>
    {
        ["chief"] = "secretary general head leader",
        ["head"] = "chief secretary general leader",
        ["leader"] = "head chief secretary general",
        ["boss"] = "head chief secretary general",
        ["priority"] = "priorities focus",
        ["member"] = "ally allies members nation",
        ["country"] = "nation ally allies",
        ["countries"] = "nations allies",
        ["nations"] = "nation allies",
        ["spending"] = "investment spend gdp",
        ["budget"] = "spending investment",
        ["money"] = "funding financial billion",
        ["aid"] = "support assistance",
        ["help"] = "support assistance",
        ["weapons"] = "arms munitions military",
        ["ammunition"] = "munitions",
        ["munitions"] = "ammunition",
        ["meeting"] = "ministerial meet",
        ["ministerial"] = "meeting ministers",
        ["resign"] = "step down",
        ["quit"] = "step down",
        ["capital"] = "city",
        ["factories"] = "industry production",
        ["companies"] = "industry producers",
        ["manufacturers"] = "producers industry",
        ["representatives"] = "producers",
        ["agreed"] = "agree approve decisions",
        ["decided"] = "decisions agree approve",
        ["goal"] = "target",
        ["aim"] = "target goal",
        ["undersea"] = "underwater maritime",
        ["navy"] = "maritime",
        ["top"] = "first main",
        ["replace"] = "successor succeed contender contenders step down",
        ["effect"] = "difference impact",
        ["impact"] = "difference effect",
        ["fighting"] = "battlefield war",
        ["battle"] = "battlefield war",
        ["combat"] = "battlefield war",
        ["joining"] = "membership accession join",
        ["join"] = "membership accession",
        ["accession"] = "membership join",
        ["output"] = "gdp",
        ["economy"] = "gdp",
        ["percent"] = "gdp",
        ["maximum"] = "ceiling",
        ["minimum"] = "floor",
        ["makers"] = "industry producers production",
        ["producers"] = "industry production",
        ["term"] = "mandate extension",
        ["stay"] = "extension mandate",
        ["outgoing"] = "step down",
        ["armed"] = "defense military",
        ["troops"] = "forces personnel",
        ["soldiers"] = "troops personnel forces",
        ["budgets"] = "spending investment",
        ["western"] = "allies",
        ["successor"] = "replace succeed contender contenders",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Multi-word expressions rewritten before analysis.</summary>
    public static readonly FrozenDictionary<string, string> Phrases = new Dictionary<string, string>
    {
        ["number one"] = "top",
        ["number 1"] = "top",
        ["first priority"] = "top priority",
        ["in charge of"] = "head of",
        ["step down"] = "step down",
        ["stepping down"] = "step down",
        ["every year"] = "annually",
        ["each year"] = "annually",
        ["per year"] = "annually",
        ["a year"] = "annually",
        ["yearly"] = "annually",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Capitalized words that are not names: a question using them is not about something the briefings lack.</summary>
    public static readonly FrozenSet<string> NotNames = new[]
    {
        "Western", "Eastern", "Northern", "Southern", "Central", "Allied", "European", "Transatlantic", "Alliance", "Allies",
        "I", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Ministers", "Secretary", "General",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> QuestionWords = new[]
    {
        "what", "who", "whom", "whose", "when", "where", "which", "why", "how", "did", "does", "do", "is", "was", "were",
        "are", "will", "would", "can", "could", "has", "have", "had", "should", "tell", "me", "please", "briefing", "briefings",
        "besides", "other", "else", "kind", "kinds", "sort", "form", "forms", "type", "types", "going", "exactly", "specifically", "actually", "according", "many", "much",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
