using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// Shorthand that policy and defence teams type in chat, written out before a question is analysed and embedded:
/// "def mins" is "defence ministers", "sec gen" is "Secretary General", "presser" is "press conference", "ukr" is "Ukraine",
/// "w/o" is "without", "japan n korea" is "japan and korea", "the dc summit" is "the Washington summit", "no. of" is "number of",
/// "per SG" is "from the Secretary General" (a source, not always someone's words),
/// "jun24" is "jun 2024", "DEU" is "Germany". Only forms that mean one thing in a question about briefings; single-word acronyms are
/// <see cref="Vocabulary.Acronyms"/>. Slips of the keyboard in a question word or a stop word ("wich", "teh") are read
/// as the word meant.
/// </summary>
internal static partial class ChatShorthand
{
    public static string Expand(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        question = ClauseOpeningRegex().Replace(question, static m => QuestionWordMeant(m.Groups["word"].Value, m.Groups["next"].Value) is { } meant
            ? (char.IsUpper(m.Groups["word"].Value[0]) ? char.ToUpperInvariant(meant[0]) + meant[1..] : meant)
            : m.Groups["word"].Value);
        question = WordRegex().Replace(question, static m => StopWordMeant(m.Value) is { } meant
            ? (char.IsUpper(m.Value[0]) ? char.ToUpperInvariant(meant[0]) + meant[1..] : meant)
            : m.Value);
        // "jun24": June 2024. The briefings are of this century.
        question = MonthShortYearRegex().Replace(question, static m => Vocabulary.Months.ContainsKey((m.Groups["month"].Value + m.Groups["rest"].Value).ToLowerInvariant())
            ? $"{m.Groups["month"].Value}{m.Groups["rest"].Value} 20{m.Groups["year"].Value}"
            : m.Value);
        // "U.S.", "U.K.", "E.U.": an initialism written with full stops is the acronym ("US"), not single letters whose full
        // stops end the question early.
        question = DottedInitialismRegex().Replace(question, static m => m.Value.Replace(".", string.Empty, StringComparison.Ordinal));
        // "def mins", "agri mins", "finmin": the minister or ministers of that portfolio.
        question = PortfolioMinistersRegex().Replace(question, static m =>
            $"{Portfolios[m.Groups["area"].Value.ToLowerInvariant()]} minister{(m.Groups["plural"].Success ? "s" : string.Empty)}");
        // "Ukraine's def chief", "the Def Production Action Plan": "def" before a noun is defence ("def not" is something else).
        question = DefBeforeNounRegex().Replace(question, static m =>
            Lexicon.Default.CanBe(m.Groups["next"].Value, PartOfSpeech.Noun) || !Lexicon.Default.IsKnownWord(m.Groups["next"].Value) ||
            char.IsUpper(m.Groups["next"].Value[0])
                ? (char.IsUpper(m.Groups["def"].Value[0]) ? "Defence" : "defence")
                : m.Groups["def"].Value);
        // "the june 23 def mins", "SG Jul 24": in chat a month and a number of the twenties is a month of that year; "on june
        // 24", "by june 24", "june 24th" and "june 24, 2024" stay days.
        question = MonthSpacedYearRegex().Replace(question, static m => Vocabulary.Months.ContainsKey(m.Groups["month"].Value.ToLowerInvariant())
            ? $"{m.Groups["month"].Value} 20{m.Groups["year"].Value}"
            : m.Value);
        // "# of allies at 2%": the number of them.
        question = NumberSignOfRegex().Replace(question, "number of");
        // "DEU", "JPN/KOR": a country code in capitals is the country, for the words and for the encoders.
        question = CountryCodeRegex().Replace(question, static m => Vocabulary.CountryCodes.TryGetValue(m.Value.ToLowerInvariant(), out var country) ? country : m.Value);
        return ShorthandRegex().Replace(question, static m =>
            m.Groups["secgen"].Success ? "Secretary General"
            : m.Groups["presser"].Success ? "press conference" + (m.Groups["pplural"].Success ? "s" : string.Empty)
            : m.Groups["mtg"].Success ? "meeting"
            : m.Groups["accto"].Success ? "according to"
            : m.Groups["word"].Success ? Words[m.Groups["word"].Value.ToLowerInvariant()]
            : m.Groups["without"].Success ? "without"
            : m.Groups["and"].Success ? "and"
            : m.Groups["numberof"].Success ? "number of"
            : m.Groups["per"].Success ? "from"
            : "government");
    }

    private static readonly string[] QuestionWords = ["what", "which", "when", "where", "who", "whom", "whose", "why", "how"];

    /// <summary>The question word a slip of the keyboard at the opening of a clause stands for ("wich", "wher", "whn", "hw",
    /// "wen are…"): one letter dropped from a single question word, else two neighbouring letters swapped, else one letter
    /// typed for another. Not a stop word ("that", "were", "now"), nor a contraction written without its apostrophe
    /// ("whos"), and not a word WordNet knows unless an auxiliary verb follows it as it follows a question word ("wen are
    /// the strikes"). Null when nothing or more than one word fits.</summary>
    internal static string? QuestionWordMeant(string word, string next)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 2 || Vocabulary.StopWords.Contains(lower) || Vocabulary.ContractionsWithoutApostrophe.Contains(lower) || QuestionWords.Contains(lower) ||
            (Lexicon.Default.IsKnownWord(lower) && !Auxiliaries.Contains(next.ToLowerInvariant())))
        {
            return null;
        }

        foreach (var fits in (Func<string, string, bool>[])[Dropped, Swapped, Replaced])
        {
            var meant = QuestionWords.Where(q => fits(lower, q)).ToList();
            if (meant.Count > 0)
            {
                return meant.Count == 1 ? meant[0] : null;
            }
        }

        return null;

        static bool Dropped(string typed, string q) =>
            typed.Length == q.Length - 1 && Enumerable.Range(0, q.Length).Any(i => q.Remove(i, 1) == typed);
        static bool Swapped(string typed, string q) =>
            typed.Length == q.Length && Enumerable.Range(0, q.Length - 1).Any(i => typed == q[..i] + q[i + 1] + q[i] + q[(i + 2)..]);
        static bool Replaced(string typed, string q) =>
            typed.Length == q.Length && typed.Where((c, i) => c != q[i]).Count() == 1;
    }

    /// <summary>The function word a slip of the keyboard stands for ("teh", "abot", "adn", "thier"): a word no dictionary
    /// knows, not a name or an acronym, one dropped, added or swapped letter away from exactly one stop word of three
    /// letters or more that has a vowel (not "tbh"). Left alone, such a slip reads as the rarest word of the question. A
    /// mistyped letter does not count: "tiem" is a slip for "time" more likely than for "them". Null when nothing or more
    /// than one word fits ("ther": there, their). A slip in a long chat word ("gona", "wana") is read as that word, which is
    /// then written out.</summary>
    internal static string? StopWordMeant(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < 3 || (word.Length > 1 && word.All(char.IsUpper)) || Vocabulary.StopWords.Contains(lower) ||
            Vocabulary.ContractionsWithoutApostrophe.Contains(lower) || Words.ContainsKey(lower) || Vocabulary.Acronyms.ContainsKey(lower) ||
            Lexicon.Default.IsKnownWord(lower) || Lexicon.Default.IsProperName(word))
        {
            return null;
        }

        var meant = SlipTargets.Where(w => EditDistance.Compute(lower, w, 1) == 1 && (w.Length != lower.Length || lower.Order().SequenceEqual(w.Order())))
            .Take(2).ToList();
        return meant.Count == 1 ? meant[0] : null;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "has", "have", "had", "should",
    };

    /// <summary>Abbreviations of one word common in chat and notes ("ukr aid h1 2024", "avg ransom").</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["ukr"] = "Ukraine", ["avg"] = "average", ["h1"] = "first half", ["h2"] = "second half", ["yr"] = "year", ["yrs"] = "years",
        ["pct"] = "percent", ["intl"] = "international", ["dept"] = "department", ["approx"] = "approximately",
        ["ppl"] = "people", ["abt"] = "about", ["natl"] = "national", ["wk"] = "week", ["wks"] = "weeks", ["mths"] = "months",
        ["cuz"] = "because", ["tmrw"] = "tomorrow", ["yday"] = "yesterday", ["wat"] = "what", ["wot"] = "what", ["wut"] = "what",
        ["wats"] = "what's", ["wots"] = "what's", ["enuf"] = "enough", ["gotta"] = "got to", ["gonna"] = "going to",
        ["wanna"] = "want to", ["thru"] = "through", ["tho"] = "though", ["ops"] = "operations", ["fwd"] = "forward",
        ["b4"] = "before", ["grp"] = "group", ["grps"] = "groups", ["sth"] = "something", ["smth"] = "something", ["dc"] = "Washington",
        ["veh"] = "vehicle", ["vehs"] = "vehicles",
    };

    /// <summary>The words a slip is mapped back to: stop words of three letters or more with a vowel, and the chat words of
    /// five letters or more this class writes out ("gona" is "gonna", "aprox" is "approx"); a shorter chat word is too
    /// close to real words ("thu", "yd").</summary>
    private static readonly string[] SlipTargets =
    [
        .. Vocabulary.StopWords.Where(w => w.Length >= 3 && w.All(char.IsLetter) && w.Any("aeiouy".Contains)),
        .. Words.Keys.Where(w => w.Length >= 5 && w.All(char.IsLetter)),
    ];

    /// <summary>The first word of the text or of a clause, and the word after it.</summary>
    [GeneratedRegex(@"(?:^|(?<=[.?!,:;]\s*))\b(?<word>[A-Za-z]{2,5})\b(?=\s+(?<next>[A-Za-z']+)|\W*$)")]
    private static partial Regex ClauseOpeningRegex();

    [GeneratedRegex(@"(?<![-'’])\b[A-Za-z]{3,7}\b(?!['’-])")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b(?:(?<secgen>sec(?:retary)?[\s.\-]*gen)|(?<presser>presser(?<pplural>s)?)|(?<mtg>mtg)|(?<accto>acc\.?\s+to)|(?<govt>govt)|(?<word>ukr|avg|h1|h2|yrs?|pct|intl|dept|approx|ppl|abt|natl|wks?|mths|cuz|tmrw|yday|wats?|wots?|wut|enuf|gotta|gonna|wanna|thru|tho|ops|fwd|b4|grps?|sth|smth|dc|vehs?)|(?<without>w/o)|(?<and>(?<=\w\s)n(?=\s\w))|(?<numberof>nos?\.?\s+of)|(?<per>per(?=\s+(?:the\s+)?(?:sg|secgen|him|her|them|(?-i:[A-Z])|article|report|briefing|preview|story|piece|statement|readout|release))))\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ShorthandRegex();

    [GeneratedRegex(@"(?<![\w#])#\s*of\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberSignOfRegex();

    /// <summary>A month with a two-digit year typed onto it or after an apostrophe ("jun24", "oct '24"); not "june 24", which
    /// may be a day.</summary>
    [GeneratedRegex(@"\b(?<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?<rest>[a-z]*)(?:\s*['\u2019]|(?=\d))(?<year>\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthShortYearRegex();

    /// <summary>Three capital letters standing alone ("DEU", "JPN/KOR"), not part of a longer word or model name ("SAMP/T" aside).</summary>
    [GeneratedRegex(@"(?<![\p{L}\d-])[A-Z]{3}(?![\p{L}\d-])")]
    private static partial Regex CountryCodeRegex();

    /// <summary>Two or three capital letters each followed by a full stop ("U.S.", "U.N.", "E.U."), not inside a word.</summary>
    [GeneratedRegex(@"(?<![\p{L}.])(?:[A-Z]\.){2,3}(?!\p{L})")]
    private static partial Regex DottedInitialismRegex();

    /// <summary>The portfolios chat shortens before "min"/"mins" ("def mins", "agri mins", "finmins").</summary>
    private static readonly Dictionary<string, string> Portfolios = new(StringComparer.Ordinal)
    {
        ["def"] = "defence", ["agri"] = "agriculture", ["fin"] = "finance", ["trade"] = "trade",
    };

    [GeneratedRegex(@"\b(?<area>def|agri|fin|trade)\.?\s*min(?<plural>s)?\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex PortfolioMinistersRegex();

    /// <summary>"def" and the word after it, unless that is "min"/"mins" (<see cref="PortfolioMinistersRegex"/>).</summary>
    [GeneratedRegex(@"\b(?<def>def)\b(?=\s+(?!mins?\b)(?<next>[A-Za-z]{3,}))", RegexOptions.IgnoreCase)]
    private static partial Regex DefBeforeNounRegex();

    /// <summary>A month, a space and a number from 20 to 29 that no day word comes before ("on", "by", "until") and no
    /// ordinal ending or year comes after.</summary>
    [GeneratedRegex(@"(?<!\b(?:on|by|until|till|til)\s+(?:the\s+)?)\b(?<month>(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*|may)\.?\s+(?<year>2\d)\b(?!\s*(?:st|nd|rd|th)\b|\s*,?\s*\d{4}|[.:/]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthSpacedYearRegex();
}
