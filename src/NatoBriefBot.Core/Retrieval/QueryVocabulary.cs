using System.Collections.Frozen;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>The word lists query analysis uses: capitalized non-names and the words that shape a question rather than say
/// what it is about. Synonyms, derived forms and nationalities come from WordNet (<see cref="Text.Lexicon"/>).</summary>
internal static class QueryVocabulary
{
    /// <summary>Capitalized words that are not names: a question using them is not about something the briefings lack.</summary>
    public static readonly FrozenSet<string> NotNames = new[]
    {
        "Western", "Eastern", "Northern", "Southern", "Central", "Allied", "European", "Transatlantic", "Alliance", "Allies",
        "I", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Ministers", "Secretary", "General",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words naming the kind of answer wanted ("what date", "the name of", "what time"): their other senses in
    /// WordNet ("date" an escort, "time" a clock, "name" to call) are not what the question is about.</summary>
    public static readonly FrozenSet<string> AnswerKindWords = new[]
    {
        "date", "dates", "day", "days", "year", "years", "month", "months", "time", "times", "number", "numbers", "figure", "figures", "name", "names",
        "place", "places", "location",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words for a kind of place ("which city", "what town"): what a place asked for is, not part of its name.</summary>
    public static readonly FrozenSet<string> PlaceKindWords = new[]
    {
        "city", "town", "village", "country", "nation", "state", "province", "region", "capital", "port", "place", "venue", "location",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> QuestionWords = new[]
    {
        "what", "who", "whom", "whose", "when", "where", "which", "why", "how", "did", "does", "do", "is", "was", "were",
        "are", "will", "would", "can", "could", "has", "have", "had", "should", "tell", "me", "please", "briefing", "briefings",
        "besides", "other", "else", "whether", "kind", "kinds", "sort", "form", "forms", "type", "types", "going", "exactly", "specifically", "actually", "according", "many", "much",
        // How a briefing puts what is asked ("the minister named in the October briefing", "the pledges he listed", "the
        // level Stoltenberg cited"): the answer sentence states the thing; it seldom says it is mentioning it.
        "mention", "mentions", "mentioned", "mentioning", "named", "listed", "cite", "cites", "cited", "referenced",
        // Politeness around the question ("I would be grateful if you could…", "would you kindly explain…", "just out of
        // curiosity, …").
        "kindly", "grateful", "appreciate", "wondering", "remind", "explain", "curious", "curiosity",
        // Placeholder nouns ("which three things", "what stuff"): they stand for the answer and name nothing in it.
        "thing", "things", "stuff",
        // Emphasis and hedges ("what did he really say", "they basically admitted", "literally every ally"): how sure or
        // surprised the user is, not what the answer says.
        "really", "basically", "literally", "honestly", "seriously", "truly", "genuinely", "surely",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
