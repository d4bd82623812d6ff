using System.Collections.Frozen;

namespace NatoBriefBot.Core.Text;

/// <summary>A sentence as a character range of its source text.</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;

    public string Of(string text) => text[Start..End];
}

/// <summary>
/// Splits text into sentences without losing a character: every span is trimmed, spans never overlap, and
/// line breaks always end a sentence (briefings put headlines and list items on lines of their own).
/// Abbreviations (Mr., Jun., U.S.) and decimals do not end a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "st", "jr", "sr", "no", "vs", "etc",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k",
        "approx", "gov", "sen", "rep", "pres", "inc", "ltd", "co", "corp", "dept", "fig", "est",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Abbreviations that are also ordinary words ("They said no."): only an abbreviation before a number ("No. 10").</summary>
    private static readonly FrozenSet<string> NumberPrefixes = new[] { "no" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static List<SentenceSpan> Split(string text) => Split(text, 0, text.Length);

    public static List<SentenceSpan> Split(string text, int from, int to)
    {
        var spans = new List<SentenceSpan>();
        var start = from;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(text, start, i, spans);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < to && text[end] is '"' or '\u201D' or '\u2019' or '\'' or ')' or ']' or '.' or '!' or '?')
            {
                end++;
            }

            if (end < to && !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, from, i, to))
            {
                continue;
            }

            var next = end;
            while (next < to && text[next] is ' ' or '\t')
            {
                next++;
            }

            if (next < to && text[next] != '\n' && char.IsLower(text[next]))
            {
                continue;
            }

            Add(text, start, end, spans);
            start = end;
            i = end - 1;
        }

        Add(text, start, to, spans);
        return spans;
    }

    private static bool IsAbbreviation(string text, int from, int dot, int to)
    {
        var w = dot;
        while (w > from && (char.IsLetter(text[w - 1]) || text[w - 1] == '.'))
        {
            w--;
        }

        if (w == dot)
        {
            return false;
        }

        var word = text[w..dot];
        if (NumberPrefixes.Contains(word))
        {
            var next = dot + 1;
            while (next < to && text[next] == ' ')
            {
                next++;
            }

            return next < to && char.IsAsciiDigit(text[next]);
        }

        var standsAlone = w == from || char.IsWhiteSpace(text[w - 1]) || text[w - 1] is '(' or '"' or '\u201C';
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]) && standsAlone);
    }

    private static void Add(string text, int start, int end, List<SentenceSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(start, end));
        }
    }
}
