using System.Globalization;
using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>A calendar date found in text, with where it was found.</summary>
public readonly record struct DateMatch(DateOnly Date, int Index, int Length);

/// <summary>
/// Finds calendar dates in news text: ISO (<c>2024-06-12</c>, <c>2024-06-12T10:00:00Z</c>), European numeric
/// (<c>12.06.2024</c>), written-out (<c>12 June 2024</c>, <c>14 Jun. 2023</c>, <c>June 12, 2024</c>) and
/// slashed forms only when unambiguous (<c>25/06/2024</c>). Impossible dates are skipped, a bare year is never a date.
/// </summary>
public static partial class PublicationDateParser
{
    private const string Months =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    /// <summary>How many non-empty lines from the top count as the header/dateline area.</summary>
    public const int HeaderLines = 12;

    /// <summary>The first valid date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? ParseFirst(string text)
    {
        var matches = FindAll(text);
        return matches.Count == 0 ? null : matches[0].Date;
    }

    /// <summary>Every valid date in <paramref name="text"/>, in order of appearance, without overlaps.</summary>
    public static IReadOnlyList<DateMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DateMatch>();
        Collect(found, IsoDate().Matches(text), m => Build(m, "y", "m", "d"));
        Collect(found, DottedDate().Matches(text), m => Build(m, "y", "m", "d"));
        Collect(found, DayMonthYear().Matches(text), m => Build(m, "y", "mon", "d"));
        Collect(found, MonthDayYear().Matches(text), m => Build(m, "y", "mon", "d"));
        Collect(found, SlashedDate().Matches(text), Unambiguous);

        found.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var result = new List<DateMatch>();
        foreach (var match in found)
        {
            if (result.Count == 0 || match.Index >= result[^1].Index + result[^1].Length)
            {
                result.Add(match);
            }
        }

        return result;
    }

    /// <summary>
    /// The article's publication date: the best-ranked date in the header area (a labelled "Published"/"date" wins,
    /// then a standalone date or timestamp line, then a date in the opening prose, then "Last updated"); failing that,
    /// a labelled publication date anywhere. A slashed date that reads both ways (<c>12/06/2024</c>) takes part as the
    /// article itself resolves it (see <see cref="ResolveSlashed"/>). Null when the text names none.
    /// </summary>
    public static DateOnly? FindPublicationDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        DateOnly? best = null;
        var bestRank = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var inHeader = i < HeaderLines;
            foreach (var match in DatesInLine(lines[i], text))
            {
                var rank = Rank(lines[i], match);
                if ((inHeader || rank == PublishedLabel) && rank > bestRank)
                {
                    (best, bestRank) = (match.Date, rank);
                }
            }
        }

        return best;
    }

    /// <summary>The dates of one line, slashed ones that read both ways included, as the article resolves them.</summary>
    private static IEnumerable<DateMatch> DatesInLine(string line, string text)
    {
        var dates = FindAll(line).ToList();
        foreach (Match m in SlashedDate().Matches(line))
        {
            if (Unambiguous(m) is null && ResolveSlashed(m, text) is { } date)
            {
                dates.Add(new DateMatch(date, m.Index, m.Length));
            }
        }

        return dates.OrderBy(d => d.Index);
    }

    /// <summary>
    /// Reads a slashed date whose first two parts could each be the month (<c>12/06/2024</c>) the way the article
    /// itself suggests: the order of its other slashed dates that read one way only (<c>25/06/2024</c> means day
    /// first); else the one month of the two that its text names in full ("June"); else day first, the order of most of the
    /// world's press (American outlets mostly spell the month out).
    /// </summary>
    private static DateOnly? ResolveSlashed(Match slashed, string text)
    {
        var a = int.Parse(slashed.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(slashed.Groups["b"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(slashed.Groups["y"].Value, CultureInfo.InvariantCulture);
        var dayFirst = Create(year, b, a);
        var monthFirst = Create(year, a, b);
        if (dayFirst is null || monthFirst is null || a == b)
        {
            return dayFirst ?? monthFirst;
        }

        foreach (Match other in SlashedDate().Matches(text))
        {
            var x = int.Parse(other.Groups["a"].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(other.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (x > 12 && y <= 12)
            {
                return dayFirst;
            }

            if (y > 12 && x <= 12)
            {
                return monthFirst;
            }
        }

        var named = MonthName().Matches(text).Select(m => MonthNumber(m.Value)).ToHashSet();
        return named.Contains(a) && !named.Contains(b) ? monthFirst : dayFirst;
    }

    private const int PublishedLabel = 4;

    private static int Rank(string line, DateMatch match)
    {
        var before = line[..match.Index];
        if (UpdatedLabel().IsMatch(before))
        {
            return 1;
        }

        if (PublishLabel().IsMatch(before))
        {
            return PublishedLabel;
        }

        return IsDateLine(line) ? 3 : 2;
    }

    /// <summary>
    /// True when the line is a dateline or timestamp: a date (slashed ones that read both ways included) plus labels
    /// ("Published", "Last updated") and at most one other word, no sentence end.
    /// </summary>
    public static bool IsDateLine(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || (SentenceEnd().IsMatch(trimmed) && WordCount(trimmed) > 4))
        {
            return false;
        }

        var matches = FindAll(trimmed);
        if (matches.Count == 0 && !SlashedDate().IsMatch(trimmed))
        {
            return false;
        }

        var rest = trimmed;
        foreach (var m in matches.Reverse())
        {
            rest = rest.Remove(m.Index, m.Length);
        }

        rest = DateLabel().Replace(TimeOfDay().Replace(SlashedDate().Replace(rest, " "), " "), " ");
        return WordCount(rest) <= 1;
    }

    /// <summary>Words: a letter followed by letters, apostrophes and hyphens.</summary>
    private static int WordCount(string text)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            count++;
            i++;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '\'' or '’' or '-'))
            {
                i++;
            }
        }

        return count;
    }

    private static void Collect(List<DateMatch> found, MatchCollection matches, Func<Match, DateOnly?> build)
    {
        foreach (Match m in matches)
        {
            if (build(m) is { } date)
            {
                found.Add(new DateMatch(date, m.Index, m.Length));
            }
        }
    }

    private static DateOnly? Build(Match m, string year, string month, string day)
    {
        var monthText = m.Groups[month].Value;
        var monthNumber = char.IsDigit(monthText[0]) ? int.Parse(monthText, CultureInfo.InvariantCulture) : MonthNumber(monthText);
        return Create(int.Parse(m.Groups[year].Value, CultureInfo.InvariantCulture), monthNumber, int.Parse(m.Groups[day].Value, CultureInfo.InvariantCulture));
    }

    private static DateOnly? Unambiguous(Match m)
    {
        var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (a > 12 && b <= 12)
        {
            return Create(year, b, a);
        }

        return b > 12 && a <= 12 ? Create(year, a, b) : null;
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"(?<![\d/-])(?<a>\d{1,2})[/-](?<b>\d{1,2})[/-](?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex SlashedDate();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Months + @")\b\.?,?\s+(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b(?<mon>" + Months + @")\b\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?:published|posted|date|dated|issued|released|created|first published)\b\W*(?:on\W*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PublishLabel();

    [GeneratedRegex(@"\b(?:updated|modified|edited|revised)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpdatedLabel();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|utc|gmt|cet|cest|eet|eest|est|edt|z)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\b(?:published|posted|last|updated|date|dated|modified|created|issued|released|first|on|at)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"[.!?…][""”’')\]]*$")]
    private static partial Regex SentenceEnd();
}
