using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// Shorthand that policy and defence teams type in chat, written out before a question is analysed and embedded:
/// "def mins" is "defence ministers", "sec gen" is "Secretary General", "presser" is "press conference", "ukr" is "Ukraine". Only forms
/// that mean one thing in a question about briefings; single-word acronyms are <see cref="Vocabulary.Acronyms"/>.
/// </summary>
internal static partial class ChatShorthand
{
    public static string Expand(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ShorthandRegex().Replace(question, static m =>
            m.Groups["defmin"].Success ? "defence minister" + (m.Groups["plural"].Success ? "s" : string.Empty)
            : m.Groups["secgen"].Success ? "Secretary General"
            : m.Groups["presser"].Success ? "press conference" + (m.Groups["pplural"].Success ? "s" : string.Empty)
            : m.Groups["mtg"].Success ? "meeting"
            : m.Groups["accto"].Success ? "according to"
            : m.Groups["word"].Success ? Words[m.Groups["word"].Value.ToLowerInvariant()]
            : "government");
    }

    /// <summary>Abbreviations of one word common in chat and notes ("ukr aid h1 2024", "avg ransom").</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["ukr"] = "Ukraine", ["avg"] = "average", ["h1"] = "first half", ["h2"] = "second half", ["yr"] = "year", ["yrs"] = "years",
        ["pct"] = "percent", ["intl"] = "international", ["dept"] = "department", ["approx"] = "approximately",
        ["ppl"] = "people", ["abt"] = "about", ["natl"] = "national", ["wk"] = "week", ["wks"] = "weeks", ["mths"] = "months",
        ["cuz"] = "because", ["tmrw"] = "tomorrow", ["yday"] = "yesterday", ["wat"] = "what", ["wot"] = "what", ["wut"] = "what",
        ["wats"] = "what's", ["wots"] = "what's",
    };

    [GeneratedRegex(@"\b(?:(?<defmin>def\.?\s*min(?<plural>s)?)|(?<secgen>sec(?:retary)?[\s.\-]*gen)|(?<presser>presser(?<pplural>s)?)|(?<mtg>mtg)|(?<accto>acc\.?\s+to)|(?<govt>govt)|(?<word>ukr|avg|h1|h2|yrs?|pct|intl|dept|approx|ppl|abt|natl|wks?|mths|cuz|tmrw|yday|wats?|wots?|wut))\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ShorthandRegex();
}
