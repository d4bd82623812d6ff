using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Optional front matter at the very top of a .txt/.md briefing: a <c>---</c> line, <c>key: value</c> lines
/// (title, date/published, publisher/source, url/link), and a closing <c>---</c> line.
/// </summary>
public static partial class FrontMatter
{
    /// <summary>Splits <paramref name="text"/> into its front matter (empty when there is none) and the body after it.</summary>
    /// <exception cref="BriefingRejectedException">The front matter names a date that is not a valid date.</exception>
    public static (BriefingMetadata Metadata, string Body) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Block().Match(text);
        if (!match.Success)
        {
            return (BriefingMetadata.Empty, text);
        }

        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var line in match.Groups["body"].Value.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                pairs.Add(new(line[..colon], Unquote(line[(colon + 1)..].Trim())));
            }
        }

        return (BriefingMetadata.FromPairs(pairs, "front matter"), text[match.Length..]);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"\A\s*---[ \t]*\r?\n(?<body>(?:[ \t]*[\w-]+[ \t]*:.*\r?\n|[ \t]*\r?\n)*?)[ \t]*---[ \t]*(?:\r?\n|\z)")]
    private static partial Regex Block();
}
