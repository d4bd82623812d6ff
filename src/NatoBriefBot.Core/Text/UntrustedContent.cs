using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>
/// The one policy for text that comes from briefings (titles, publishers, links, quoted passages): a briefing is written
/// by someone else, so nothing in it may become markup, a live link or a script in a channel. Links are kept only when
/// they are absolute http(s) URLs (checked at ingest, and again when rendering an older index); everything else is
/// escaped for where it goes: Markdown text, a Markdown link destination or title, or HTML.
/// </summary>
public static partial class UntrustedContent
{
    /// <summary>Characters that start Markdown syntax able to create links, images, HTML or code (backslash first: it escapes).</summary>
    private const string MarkdownSpecials = "\\`*_[]<>!";

    /// <summary>The URL when it is an absolute http or https URL (trimmed), otherwise null: javascript:, data:, file:,
    /// relative and malformed links are dropped.</summary>
    public static string? HttpUrl(string? url)
    {
        var trimmed = url?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            && !trimmed.Any(char.IsControl)
            ? trimmed
            : null;
    }

    /// <summary>Plain text for a Markdown channel: every character that could open a link, image, HTML tag, emphasis or
    /// code is backslash-escaped, so the reader sees exactly the briefing's characters.</summary>
    public static string Markdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Like <see cref="Markdown"/>, but the answer's own citation markers (<c>[1]</c>, <c>[2]</c> …) stay live so
    /// channels can link them to their sources, and each line of the answer (a list's lead-in, then its items) stays a
    /// line: Markdown joins lines of one paragraph, so a single line break becomes a paragraph break.</summary>
    public static string MarkdownKeepingMarkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = SingleLineBreak().Replace(text, "\n\n");
        var sb = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (Match marker in CitationMarker().Matches(text))
        {
            sb.Append(Markdown(text[at..marker.Index])).Append(marker.Value);
            at = marker.Index + marker.Length;
        }

        return sb.Append(Markdown(text[at..])).ToString();
    }

    /// <summary>A link destination that cannot end early: characters that close <c>&lt;…&gt;</c> or <c>(…)</c> destinations,
    /// quotes, backslashes, spaces and controls are percent-encoded.</summary>
    public static string MarkdownUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var sb = new StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            if (c is '<' or '>' or '(' or ')' or '[' or ']' or '"' or '\'' or '\\' or '`' or ' ' || char.IsControl(c) || char.IsWhiteSpace(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The inside of a double-quoted Markdown link title: backslashes and quotes escaped (so a title ending in
    /// <c>\</c> cannot swallow the closing quote), line breaks flattened.</summary>
    public static string MarkdownTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    /// <summary>Text for an HTML context (Teams card and citation text): <c>&lt; &gt; &amp; " '</c> encoded.</summary>
    public static string Html(string text) => WebUtility.HtmlEncode(text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>A line break that is not part of a blank line.</summary>
    [GeneratedRegex(@"(?<!\n)[ \t]*\r?\n[ \t]*(?!\r?\n)")]
    private static partial Regex SingleLineBreak();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationMarker();
}
