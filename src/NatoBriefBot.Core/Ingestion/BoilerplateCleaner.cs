using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>What the cleaner decided about one line of a page.</summary>
public enum LineKind
{
    /// <summary>Part of the article; kept.</summary>
    Article,

    /// <summary>A single line of page chrome (ad marker, read time, tags, timestamp, disclaimer...); dropped.</summary>
    Chrome,

    /// <summary>Part of a list of other stories (related, latest, most read...); dropped.</summary>
    OtherStories,

    /// <summary>A repeat of an earlier article line (e.g. the headline printed twice); dropped.</summary>
    Repeat,
}

/// <summary>One non-empty line of a page and what the cleaner made of it.</summary>
public sealed record ClassifiedLine(string Text, LineKind Kind);

/// <summary>
/// Removes news-page junk from plain text while keeping every sentence of the article. Works on structure:
/// single chrome lines (<see cref="BoilerplateLines"/>), lists of other stories opened by a list header or
/// trailing the article, and repeated lines. Output: one paragraph per line, paragraphs separated by a blank line.
/// </summary>
public static partial class BoilerplateCleaner
{
    private const int MinListItems = 3;
    private const int MaxListLines = 200;

    /// <summary>The article text of <paramref name="text"/>, junk removed.</summary>
    public static string Clean(string text) => Join(Classify(text), LineKind.Article);

    /// <summary>Joins the lines of the given kinds into paragraphs separated by blank lines.</summary>
    public static string Join(IEnumerable<ClassifiedLine> lines, params LineKind[] kinds) =>
        string.Join("\n\n", lines.Where(l => kinds.Contains(l.Kind)).Select(l => l.Text));

    /// <summary>Classifies every non-empty line of <paramref name="text"/> (hard-wrapped sentences are joined first).</summary>
    public static IReadOnlyList<ClassifiedLine> Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Unwrap(Normalize(text));
        var kinds = lines.Select(l => BoilerplateLines.IsChrome(l) ? LineKind.Chrome : LineKind.Article).ToArray();
        MarkListSections(lines, kinds);
        MarkTrailingList(lines, kinds);
        MarkRepeats(lines, kinds);
        return lines.Select((l, i) => new ClassifiedLine(l, kinds[i])).ToList();
    }

    /// <summary>A header such as "Related" or "MOST READ" and the headline-like lines after it, up to the next full sentence.</summary>
    private static void MarkListSections(List<string> lines, LineKind[] kinds)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var known = BoilerplateLines.IsListHeader(lines[i]);
            if (!known && !(BoilerplateLines.IsCapsHeader(lines[i]) && kinds[i] == LineKind.Article))
            {
                continue;
            }

            var end = i + 1;
            var items = 0;
            while (end < lines.Count && end - i <= MaxListLines && BoilerplateLines.IsHeadlineLike(lines[end]))
            {
                if (kinds[end] == LineKind.Article && !BoilerplateLines.IsListHeader(lines[end]))
                {
                    items++;
                }

                end++;
            }

            var unbulleted = Enumerable.Range(i + 1, end - i - 1).All(j => kinds[j] != LineKind.Article || !BoilerplateLines.IsBulleted(lines[j]));
            if (known || (items >= MinListItems && unbulleted))
            {
                for (var j = i; j < end; j++)
                {
                    kinds[j] = LineKind.OtherStories;
                }

                i = end - 1;
            }
        }
    }

    /// <summary>Three or more unbulleted headline-like lines after the article's last full sentence are a list of other stories.</summary>
    private static void MarkTrailingList(List<string> lines, LineKind[] kinds)
    {
        var lastProse = Array.FindLastIndex(kinds, k => k == LineKind.Article);
        while (lastProse >= 0 && !(kinds[lastProse] == LineKind.Article && BoilerplateLines.IsProse(lines[lastProse])))
        {
            lastProse--;
        }

        if (lastProse < 0)
        {
            return;
        }

        var tail = Enumerable.Range(lastProse + 1, lines.Count - lastProse - 1).Where(j => kinds[j] == LineKind.Article).ToList();
        if (tail.Count >= MinListItems && tail.All(j => BoilerplateLines.IsHeadlineLike(lines[j]) && !BoilerplateLines.IsBulleted(lines[j])))
        {
            tail.ForEach(j => kinds[j] = LineKind.OtherStories);
        }
    }

    private static void MarkRepeats(List<string> lines, LineKind[] kinds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] == LineKind.Article && !seen.Add(Key(lines[i])))
            {
                kinds[i] = LineKind.Repeat;
            }
        }
    }

    /// <summary>The comparison key of a line: lower case letters and digits only.</summary>
    internal static string Key(string line)
    {
        var buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        var length = 0;
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static List<string> Normalize(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => (HasSpaceRun(l) ? Spaces().Replace(l, " ") : l).Trim())
            .ToList();

    /// <summary>False when every space character of the line is a lone ' ', which <see cref="Spaces"/> would leave as it is.</summary>
    private static bool HasSpaceRun(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (IsSpace(c) && (c != ' ' || (i + 1 < line.Length && IsSpace(line[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B';

    /// <summary>Joins a line onto the previous one when a sentence was hard-wrapped (long line or trailing comma, no sentence end, next starts lower case).</summary>
    private static List<string> Unwrap(List<string> lines)
    {
        var result = new List<string>();
        var previousBlank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                previousBlank = true;
                continue;
            }

            if (!previousBlank && result.Count > 0 && IsWrapped(result[^1], line))
            {
                result[^1] += " " + line;
            }
            else
            {
                result.Add(line);
            }

            previousBlank = false;
        }

        return result;
    }

    private static bool IsWrapped(string previous, string next) =>
        (previous.Length >= 40 || previous.EndsWith(',')) && !NoContinuation().IsMatch(previous) && char.IsLower(next[0]);

    [GeneratedRegex(@"[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[.!?…:;""”’')\]]$")]
    private static partial Regex NoContinuation();
}
