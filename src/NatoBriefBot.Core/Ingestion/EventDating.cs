using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>A stored briefing as event dating reads it: its publication date (null when it names none) and its text.</summary>
public sealed record DatableBriefing(long Id, DateOnly? Published, string Text);

/// <summary>
/// Places an undated briefing in time by the dated briefings that report the same event. Two reports of one event name
/// the same days with the same name beside them ("the summit in Vilnius on July 11-12" and "the Vilnius Summit on 11 and 12
/// July"), in the same year when both give one (a dated briefing's day without a year is in its year of publication); a
/// span of days that recurs with the same name rarely belongs to different events. The undated briefing takes the
/// publication date of the dated one that shares most such days with it (the earliest among equals).
/// The date is used only to match a question's period, never shown as a publication date.
/// </summary>
public static partial class EventDating
{
    /// <summary>Bump when the rule changes, so the next ingest places undated briefings again.</summary>
    public const int Version = 1;

    /// <summary>
    /// Different days two briefings must name with the same name: the span of an event ("11 and 12 July"). One day is not
    /// enough: "14 June" is a NATO press conference in one year and a ministerial's second day in the next, and a check on
    /// the shipped briefings (each dated one taken as undated) placed one of them a year off with one day and none with two.
    /// </summary>
    private const int MinSharedDays = 2;

    /// <summary>The inferred date of each undated briefing that shares a named day with a dated one.</summary>
    public static Dictionary<long, DateOnly> Infer(IReadOnlyList<DatableBriefing> briefings)
    {
        ArgumentNullException.ThrowIfNull(briefings);
        var result = new Dictionary<long, DateOnly>();
        var undated = briefings.Where(b => b.Published is null).Select(b => (b.Id, Days: NamedDays(b.Text))).Where(u => u.Days.Count > 0).ToList();
        if (undated.Count == 0)
        {
            return result;
        }

        // A dated briefing's day named without a year is in its year of publication.
        var dated = briefings.Where(b => b.Published is not null)
            .Select(b => (Date: b.Published!.Value, Days: NamedDays(b.Text).Select(d => d with { Year = d.Year ?? b.Published!.Value.Year }).ToHashSet()))
            .ToList();
        foreach (var (id, days) in undated)
        {
            // A day the undated briefing names without a year may be in any year; with one, only in that year.
            var best = dated
                .Select(d => (d.Date, Shared: d.Days.Where(day => days.Contains(day) || days.Contains(day with { Year = null })).ToList()))
                .Select(d => (d.Date, Days: d.Shared.Select(x => (x.Month, x.Day)).Distinct().Count(), d.Shared.Count))
                .Where(d => d.Days >= MinSharedDays)
                .OrderByDescending(d => d.Days).ThenByDescending(d => d.Count).ThenBy(d => d.Date)
                .FirstOrDefault();
            if (best.Days >= MinSharedDays)
            {
                result[id] = best.Date;
            }
        }

        return result;
    }

    /// <summary>Each day the text names, with its year when it gives one, paired with each name in the same sentence:
    /// "Vilnius on July 11-12" gives (7, 11, null, vilnius) and (7, 12, null, vilnius).</summary>
    internal static HashSet<NamedDay> NamedDays(string text)
    {
        var found = new HashSet<NamedDay>();
        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = span.Of(text);
            var days = new List<(int Month, int Day, int? Year)>();
            foreach (Match m in DayMonthRegex().Matches(sentence))
            {
                var month = Vocabulary.Months[m.Groups["month"].Value.ToLowerInvariant()];
                int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                foreach (var group in new[] { m.Groups["d1"], m.Groups["d2"] })
                {
                    if (group.Success && int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) is var day and >= 1 and <= 31)
                    {
                        days.Add((month, day, year));
                    }
                }
            }

            if (days.Count == 0)
            {
                continue;
            }

            var names = TermAnalyzer.Tokenize(sentence)
                .Where(t => t.IsCapitalized && !t.IsStopWord && !t.IsNumber && !Vocabulary.Months.ContainsKey(t.Surface.ToLowerInvariant()) && !Weekdays.Contains(t.Surface))
                .Select(t => t.Term)
                .Where(t => t.Length > 1)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (month, day, year) in days)
            {
                foreach (var name in names)
                {
                    found.Add(new NamedDay(month, day, year, name));
                }
            }
        }

        return found;
    }

    /// <summary>A day and month a sentence names (its year when given), with one name of the same sentence.</summary>
    internal readonly record struct NamedDay(int Month, int Day, int? Year, string Name);

    private static readonly HashSet<string> Weekdays = new(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparer.OrdinalIgnoreCase);

    // "11 and 12 July", "11-12 July", "July 11-12", "July 11 and 12", "June 13", "14 June 2023", "June 13, 2024".
    [GeneratedRegex(@"\b(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?<month>" + SentenceFeatures.MonthNames + @")\b(?:,?\s+(?<year>(?:19|20)\d{2})\b)?|\b(?<month>" + SentenceFeatures.MonthNames + @")\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?(?!\d)(?:,?\s+(?<year>(?:19|20)\d{2})\b)?")]
    private static partial Regex DayMonthRegex();
}
