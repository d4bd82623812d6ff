using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>Renders an element's text with block structure kept: blocks (paragraph, heading, list item...) separated by a blank line, &lt;br&gt; as a single line break.</summary>
internal static partial class HtmlBlockText
{
    private static readonly HashSet<string> Blocks = new(
        ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
         "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
         "caption", "header", "footer", "body"],
        StringComparer.OrdinalIgnoreCase);

    private const char LineBreak = '\u2028';

    public static string Render(IElement root)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        Walk(root, lines, current);
        Flush(lines, current);
        return string.Join("\n\n", lines);
    }

    private static void Walk(INode node, List<string> lines, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                current.Append(text.Data);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (name == "br")
            {
                current.Append(LineBreak);
                continue;
            }

            if (name is "td" or "th")
            {
                current.Append(' ');
            }

            if (name == "pre")
            {
                Flush(lines, current);
                lines.AddRange(element.TextContent.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                continue;
            }

            var block = Blocks.Contains(name);
            if (block)
            {
                Flush(lines, current);
            }

            if (name == "li")
            {
                current.Append("- ");
            }

            Walk(element, lines, current);
            if (block)
            {
                Flush(lines, current);
            }
        }
    }

    private static void Flush(List<string> lines, StringBuilder current)
    {
        var parts = current.ToString().Split(LineBreak).Select(p => Whitespace().Replace(p, " ").Trim()).Where(p => p.Length > 0);
        var line = string.Join("\n", parts);
        current.Clear();
        if (line.Length > 0 && line != "-")
        {
            lines.Add(line);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
