using System.Globalization;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>
/// The periods a text talks about, as opposed to when it was published: "on 11-12 July" in an article of 2023 is July
/// 2023, "in June 2024" is June 2024, "by 2030" is the year 2030. A question's period is matched against these as well
/// as against the publication date, so an article announcing an event answers questions about the event's month.
/// </summary>
public static partial class PeriodMentions
{
    /// <summary>True when <paramref name="text"/> mentions a month that overlaps <paramref name="period"/>, or a year that
    /// lies wholly in it: "the 2023 budget target" talks about 2023 but not about June 2023, while "in June" talks about
    /// the summer of its year.</summary>
    /// <param name="published">The text's publication date: a month named without a year is taken in that year.</param>
    public static bool Mentions(string text, DateRange period, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var mentioned in Of(text, published))
        {
            var isYear = mentioned.From.Month == 1 && mentioned.From.Day == 1 && mentioned.To.Month == 12 && mentioned.To.Day == 31;
            if (isYear ? mentioned.From >= period.From && mentioned.To <= period.To : mentioned.From <= period.To && mentioned.To >= period.From)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every period the text names: months (with their year, or the publication year) and bare years.</summary>
    public static IEnumerable<DateRange> Of(string text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in MonthRegex().Matches(text))
        {
            if (!Vocabulary.Months.TryGetValue(m.Groups["month"].Value.ToLowerInvariant().TrimEnd('.'), out var month))
            {
                continue;
            }

            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : published?.Year;
            if (year is { } y)
            {
                var from = new DateOnly(y, month, 1);
                yield return new DateRange(from, from.AddMonths(1).AddDays(-1));
            }
        }

        foreach (Match m in YearRegex().Matches(text))
        {
            var y = int.Parse(m.Value, CultureInfo.InvariantCulture);
            yield return new DateRange(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }

        // "compared with 39.5 million last year": a year counted from the publication date.
        if (published is { } date)
        {
            foreach (Match m in RelativeYearRegex().Matches(text))
            {
                var y = date.Year + (m.Groups["before"].Success ? -1 : m.Groups["after"].Success ? 1 : 0);
                yield return new DateRange(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            }
        }
    }

    [GeneratedRegex(@"\b(?:(?<before>last\s+year|the\s+previous\s+year|a\s+year\s+(?:earlier|ago|before))|(?<after>next\s+year|the\s+following\s+year)|this\s+year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeYearRegex();

    // "May" alone is too often the verb; it counts only with a day or a year next to it.
    [GeneratedRegex(@"\b(?<month>January|February|March|April|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+(?<year>(?:19|20)\d{2}))?\b|(?<=\d\s)(?<month>May)\b(?:\s+(?<year>(?:19|20)\d{2}))?|\b(?<month>May)\s+(?<year>(?:19|20)\d{2})\b")]
    private static partial Regex MonthRegex();

    // A year, also at the end of a sentence or before a comma ("by 2025.", "In 2023, ..."); not part of a longer number
    // ("12,2025", "2025.5") nor a percentage.
    [GeneratedRegex(@"(?<!\d|\d[.,])(?:19|20)\d{2}(?!\d|[.,]\d|\s*%)")]
    private static partial Regex YearRegex();
}
