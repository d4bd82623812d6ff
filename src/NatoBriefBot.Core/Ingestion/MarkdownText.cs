using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>Turns Markdown into plain text lines: headings, emphasis, links and images reduced to their words.</summary>
public static partial class MarkdownText
{
    /// <summary>Plain text of <paramref name="markdown"/>; list markers and paragraph breaks are kept.</summary>
    public static string ToPlain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = Image().Replace(markdown, "");
        text = Link().Replace(text, "${text}");
        text = Heading().Replace(text, "");
        text = Quote().Replace(text, "");
        text = Emphasis().Replace(text, "${inner}");
        return Rule().Replace(text, "");
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]{0,3}>[ \t]?", RegexOptions.Multiline)]
    private static partial Regex Quote();

    [GeneratedRegex(@"(?<!\w)(?<mark>\*\*|__|\*|_|`)(?<inner>\S(?:.*?\S)?)\k<mark>(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", RegexOptions.Multiline)]
    private static partial Regex Rule();
}
