using System.Collections.Frozen;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// Word lists for the analyzer that are not general English: stop words, NATO acronyms and titles, abbreviations of
/// months, units and currencies. General English (irregular verbs, nationality words) comes from WordNet through
/// <see cref="Lexicon"/>.
/// </summary>
internal static class Vocabulary
{
    public static readonly FrozenSet<string> StopWords = """
        a about above after again against all am an and any are aren't as at be because been before being below between
        both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
        had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's
        i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
        once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so
        some such than that that's the their theirs them themselves then there there's these they they'd they'll they're
        they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's
        when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
        you've your yours yourself yourselves also s t will shall may might must just us according
        hi hello hey please thanks thank thx ok okay pls plz btw tbh idk imo lol
        anything anyone anybody something someone somebody everything everyone everybody nothing nobody else whatever
        whoever whichever wherever whenever
        can't ain't it'd it'll that'd that'll there'd there'll what'd what'll who'd who'll where'd how'd why'd when'd
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions and conjunctions that are not stop words, because some carry meaning a search needs ("since
    /// 2014", "per month"). WordNet lists none of these closed classes, so a question's "Per the alliance head" or "upon
    /// request" must not read as an unfamiliar name.</summary>
    public static readonly FrozenSet<string> FunctionWords = """
        across along amid amidst among amongst around behind beside besides beyond despite onto per since throughout
        toward towards unto upon via within without although though unless whereas whether whilst
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Is the word, in any case, one of <see cref="FunctionWords"/>?</summary>
    public static bool IsFunctionWord(string word) => FunctionWords.Contains(word.ToLowerInvariant());

    /// <summary>The contractions among the stop words as chat writes them, without the apostrophe ("im", "dont",
    /// "whats", "whos"), except where that spelling is a word of its own in WordNet ("shell", "well", "ill", "cant"); an
    /// inflection of another word ("whos" of the acronym "WHO") is still the contraction.</summary>
    public static readonly FrozenSet<string> ContractionsWithoutApostrophe = StopWords
        .Where(w => w.Contains('\''))
        .Select(w => w.Replace("'", string.Empty, StringComparison.Ordinal))
        .Where(w => !StopWords.Contains(w) && !Lexicon.Default.IsLemma(w))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Acronyms and short titles that briefings and questions use interchangeably with their long forms.</summary>
    public static readonly FrozenDictionary<string, string> Acronyms = new Dictionary<string, string>
    {
        ["sg"] = "secretary general",
        ["secgen"] = "secretary general",
        ["nsatu"] = "nato security assistance training ukraine command",
        ["nspa"] = "nato support procurement agency",
        ["marcom"] = "maritime command",
        ["nac"] = "north atlantic council",
        ["npg"] = "nuclear planning group",
        ["udcg"] = "ukraine defense contact group",
        ["nuc"] = "nato ukraine council commission",
        ["saceur"] = "supreme allied commander europe",
        ["shape"] = "supreme headquarters allied powers europe",
        ["dip"] = "defense investment pledge",
        ["gdp"] = "gross domestic product",
        ["eu"] = "european union",
        ["us"] = "united states",
        ["usa"] = "united states",
        ["uk"] = "united kingdom britain",
        ["hq"] = "headquarters",
        // "UKR MoD", "the MoD": staff write it for the minister as often as for the ministry; briefings name the minister.
        ["mod"] = "defense minister",
        ["pm"] = "prime minister",
        ["mfa"] = "foreign ministry",
        ["nato"] = "nato alliance",
        ["otan"] = "nato",
        ["iamd"] = "integrated air missile defense",
        ["bmd"] = "ballistic missile defense",
        ["jef"] = "joint expeditionary force",
        ["efp"] = "enhanced forward presence",
        ["dpap"] = "defense production action plan",
        ["f16"] = "f16 fighter jet",
        // Staff writing: country designations other than the ISO codes (CountryCodes), drones, and unit abbreviations
        // that stand for one word. A long form of several common words ("NRF": NATO Response Force) is left out: each of
        // its words is in the briefings, so the acronym would no longer count as a name none of them mentions.
        ["rok"] = "korea",
        ["ru"] = "russia",
        ["ua"] = "ukraine",
        // "HoSG": a meeting of NATO's Heads of State and Government, a summit; "IP4": the four Indo-Pacific partners.
        ["hosg"] = "summit",
        ["ip4"] = "indo pacific partners",
        ["prc"] = "china",
        ["dprk"] = "north korea",
        ["uav"] = "drone",
        ["uas"] = "drone",
        ["ucav"] = "drone",
        ["bde"] = "brigade",
        ["bty"] = "battery",
        ["regt"] = "regiment",
        ["sqn"] = "squadron",
        ["div"] = "division",
        ["cmd"] = "command",
        ["comd"] = "command",
        ["cdr"] = "commander",
        ["msn"] = "mission",
        ["ceo"] = "chief executive",
        ["cfo"] = "chief financial officer",
        ["coo"] = "chief operating officer",
        ["cto"] = "chief technology officer",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Country codes that staff write in capitals ("JPN/KOR", "DEU"), keyed in lower case: the country's name as
    /// news writes it, from the embedded country-codes.tsv. <see cref="ChatShorthand"/> writes them out in a question, only
    /// in capitals: in lower case many are words or slips ("tha", "fin").</summary>
    public static readonly FrozenDictionary<string, string> CountryCodes = LoadCountryCodes();

    private static FrozenDictionary<string, string> LoadCountryCodes()
    {
        const string resource = "NatoBriefBot.Core.Text.country-codes.tsv";
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream(resource)
            ?? throw new BriefBotException("The engine was built without its country codes (country-codes.tsv). Rebuild it.");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 2 || fields[0].Length < 3 || !fields[0].All(char.IsAsciiLetterUpper) || fields[1].Trim().Length == 0)
            {
                throw new BriefBotException($"country-codes.tsv: '{line}' is not 'CODE<TAB>country'.");
            }

            codes[fields[0].ToLowerInvariant()] = fields[1].Trim();
        }

        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Magnitudes written after a number, alone ("40 bn") or onto it ("40bn", "£34m", "50k"). The one-letter
    /// forms count only onto a number: alone, "m" or "k" is something else.</summary>
    public static readonly FrozenDictionary<string, string> Magnitudes = new Dictionary<string, string>
    {
        ["bln"] = "billion", ["bn"] = "billion", ["b"] = "billion", ["mln"] = "million", ["mn"] = "million", ["m"] = "million",
        ["k"] = "thousand", ["tn"] = "trillion",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words whose written forms differ only by abbreviation (irregular verb forms are <see cref="Lexicon.IrregularVerbBase"/>'s).</summary>
    public static readonly FrozenDictionary<string, string> Canonical = new Dictionary<string, string>(
        Magnitudes.Where(m => m.Key.Length > 1))
    {
        ["jan"] = "january", ["feb"] = "february", ["mar"] = "march", ["apr"] = "april", ["jun"] = "june", ["jul"] = "july",
        ["aug"] = "august", ["sep"] = "september", ["sept"] = "september", ["oct"] = "october", ["nov"] = "november",
        ["dec"] = "december", ["pct"] = "percent", ["percentage"] = "percent", ["eur"] = "euro", ["euros"] = "euro",
        ["usd"] = "dollar", ["dollars"] = "dollar", ["ukrainian"] = "ukraine", ["ukrainians"] = "ukraine",
        ["russian"] = "russia", ["allied"] = "ally", ["allies"] = "ally", ["alliance's"] = "alliance",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Ordinals written with digits and the words news spells them with ("3rd" -> "third").</summary>
    public static readonly FrozenDictionary<string, string> OrdinalWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1st"] = "first", ["2nd"] = "second", ["3rd"] = "third", ["4th"] = "fourth", ["5th"] = "fifth",
        ["6th"] = "sixth", ["7th"] = "seventh", ["8th"] = "eighth", ["9th"] = "ninth", ["10th"] = "tenth",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A unit of time and the words that make it a rate ("per year" is "annually", "yearly", "annual").</summary>
    public static readonly FrozenDictionary<string, string[]> RateWords = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["year"] = ["annual", "annually", "yearly"], ["month"] = ["monthly"], ["week"] = ["weekly"], ["day"] = ["daily"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The unit of each word of <see cref="RateWords"/> ("annually" -> "year").</summary>
    public static readonly FrozenDictionary<string, string> RateUnitOf = RateWords
        .SelectMany(r => r.Value.Select(word => (Word: word, Unit: r.Key)))
        .ToFrozenDictionary(r => r.Word, r => r.Unit, StringComparer.Ordinal);

    /// <summary>Courtesy titles before a name ("Mr Stoltenberg", "Ms Frederiksen", "Dr Okafor"), as terms. Not "miss", which
    /// is a verb as often.</summary>
    public static readonly FrozenSet<string> Honorifics = new[] { "mr", "mrs", "ms", "mx", "dr", "sir", "madam", "mister" }
        .Select(TermAnalyzer.Normalize).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Units of measure written after a number; "155 mm" and "155mm" are one term.</summary>
    public static readonly FrozenSet<string> Units = new[] { "mm", "cm", "km", "kg", "kt", "kw", "mw", "gw" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9,
        ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
