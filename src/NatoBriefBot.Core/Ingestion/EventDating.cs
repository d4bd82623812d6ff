using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>A stored briefing as event dating reads it: its publication date (null when it names none) and its text.</summary>
public sealed record DatableBriefing(long Id, DateOnly? Published, string Text);

/// <summary>
/// Places an undated briefing in time by the dated briefings that report the same event. Two reports of one event name
/// the same day the same way with the same name beside it ("the summit in Vilnius on July 11-12" and "the Vilnius Summit
/// on 11 and 12 July"); a day and month that recur with the same name rarely belong to different events. The undated
/// briefing takes the publication date of the dated one that shares most such days with it (the earliest among equals).
/// The date is used only to match a question's period, never shown as a publication date.
/// </summary>
public static partial class EventDating
{
    /// <summary>Bump when the rule changes, so the next ingest places undated briefings again.</summary>
    public const int Version = 1;

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

        var dated = briefings.Where(b => b.Published is not null).Select(b => (Date: b.Published!.Value, Days: NamedDays(b.Text))).ToList();
        foreach (var (id, days) in undated)
        {
            var best = dated.Select(d => (d.Date, Shared: d.Days.Count(days.Contains)))
                .Where(d => d.Shared > 0)
                .OrderByDescending(d => d.Shared).ThenBy(d => d.Date)
                .FirstOrDefault();
            if (best.Shared > 0)
            {
                result[id] = best.Date;
            }
        }

        return result;
    }

    /// <summary>Each day and month the text names (without regard to a year), paired with each name in the same sentence:
    /// "Vilnius on July 11-12" gives (7, 11, vilnius) and (7, 12, vilnius).</summary>
    internal static HashSet<(int Month, int Day, string Name)> NamedDays(string text)
    {
        var found = new HashSet<(int, int, string)>();
        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = span.Of(text);
            var days = new List<(int Month, int Day)>();
            foreach (Match m in DayMonthRegex().Matches(sentence))
            {
                var month = Vocabulary.Months[m.Groups["month"].Value.ToLowerInvariant()];
                foreach (var group in new[] { m.Groups["d1"], m.Groups["d2"] })
                {
                    if (group.Success && int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) is var day and >= 1 and <= 31)
                    {
                        days.Add((month, day));
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
            foreach (var (month, day) in days)
            {
                foreach (var name in names)
                {
                    found.Add((month, day, name));
                }
            }
        }

        return found;
    }

    private static readonly HashSet<string> Weekdays = new(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparer.OrdinalIgnoreCase);

    // "11 and 12 July", "11-12 July", "July 11-12", "July 11 and 12", "June 13".
    [GeneratedRegex(@"\b(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?<month>" + SentenceFeatures.MonthNames + @")\b|\b(?<month>" + SentenceFeatures.MonthNames + @")\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*(?<d2>\d{1,2})(?:st|nd|rd|th)?)?(?!\d)")]
    private static partial Regex DayMonthRegex();
}
