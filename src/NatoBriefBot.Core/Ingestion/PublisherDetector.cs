using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Finds the publisher a page names for itself: a syndication disclaimer ("X does not take institutional positions"),
/// "Source: X" / "Publisher: X", a wire dateline ("BRUSSELS (Reuters) -"), "By Author | X", "© 2024 X",
/// "originally published on X". Null when the text names none.
/// </summary>
public static partial class PublisherDetector
{
    private const int MaxNameLength = 60;

    /// <summary>The publisher named in <paramref name="text"/> (run it on the uncleaned text), or null.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Regex[] patterns = [Disclaimer(), SourceLine(), Dateline(), BylinePipe(), OriginallyPublished(), Copyright()];
        foreach (var pattern in patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (Tidy(match.Groups["name"].Value) is { } name)
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static string? Tidy(string raw)
    {
        var name = Trailer().Replace(raw.Trim(), "").Trim();
        return name.Length is > 1 and <= MaxNameLength && name.Any(char.IsLetter) ? name : null;
    }

    [GeneratedRegex(@"(?<name>[\p{Lu}\d][\w&'.-]*(?:[ ][\p{Lu}\d][\w&'.-]*){0,4}) does not take institutional positions")]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^[ \t•*-]*(?:source|publisher|published by)[ \t]*:[ \t]*(?<name>[^\r\n]{2,60}?)[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^[ \t]*(?:[\p{Lu}][\p{Lu}\p{L} .,'/-]{1,40}[ \t])?\((?<name>[\p{Lu}][\p{L}.&' ]{1,30})\)[ \t]*[-–—][ \t]", RegexOptions.Multiline)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^[ \t]*By[ \t]+[^|\r\n]{2,60}\|[ \t]*(?<name>[^|\r\n]{2,60}?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex BylinePipe();

    [GeneratedRegex(@"\b(?i:originally|first)\s+(?i:published|appeared)\s+(?i:on|in|by|at)\s+(?<name>[\p{Lu}][\w.&'-]*(?:[ ][\p{Lu}][\w.&'-]*){0,4})")]
    private static partial Regex OriginallyPublished();

    [GeneratedRegex(@"(?:©|\((?i:c)\)|\b(?i:copyright)\b)[ \t]*(?:\d{4}(?:[ \t]*[-–][ \t]*\d{4})?[ \t,]*)?(?<name>[\p{Lu}][^\r\n.,;|©]{1,60}?)(?=[ \t]*(?:[.,;|]|(?i:all rights reserved)|\r?$))", RegexOptions.Multiline)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"(?:[\s,.;:|-]+(?:all rights reserved|inc|ltd|llc))*[\s,.;:|-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex Trailer();
}
