using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// Shorthand that policy and defence teams type in chat, written out before a question is analysed and embedded:
/// "def mins" is "defence ministers", "sec gen" is "Secretary General", "presser" is "press conference". Only forms
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
            : "government");
    }

    [GeneratedRegex(@"\b(?:(?<defmin>def\.?\s*min(?<plural>s)?)|(?<secgen>sec(?:retary)?[\s.\-]*gen)|(?<presser>presser(?<pplural>s)?)|(?<mtg>mtg)|(?<govt>govt))\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ShorthandRegex();
}
