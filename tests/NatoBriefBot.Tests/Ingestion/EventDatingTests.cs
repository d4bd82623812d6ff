using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class EventDatingTests
{
    private const string Undated = "NATO chief ruled out another term. Ministers will prepare for the summit to be held in Vilnius on July 11-12.";

    [Fact]
    public void Infer_UndatedReportOfAnEventADatedOneReports_TakesThatDate()
    {
        var dated = new DatableBriefing(2, new DateOnly(2023, 6, 14), "This is the last meeting before the Vilnius Summit on 11 and 12 July.");
        var other = new DatableBriefing(3, new DateOnly(2024, 6, 12), "Ministers meet in Brussels on June 13 and 14.");

        var inferred = EventDating.Infer([new DatableBriefing(1, null, Undated), dated, other]);

        Assert.Equal(new Dictionary<long, DateOnly> { [1] = new DateOnly(2023, 6, 14) }, inferred);
    }

    [Fact]
    public void Infer_SameDayWithoutTheSameName_NotPlaced()
    {
        var dated = new DatableBriefing(2, new DateOnly(2024, 7, 1), "The festival in Salzburg opens on July 11.");

        Assert.Empty(EventDating.Infer([new DatableBriefing(1, null, Undated), dated]));
    }

    [Fact]
    public void Infer_TwoDatedReportsSharingAsMuch_TheEarlierWins()
    {
        var later = new DatableBriefing(2, new DateOnly(2023, 7, 11), "Leaders gathered in Vilnius on 11-12 July.");
        var earlier = new DatableBriefing(3, new DateOnly(2023, 6, 14), "The Vilnius Summit runs on 11 and 12 July.");

        Assert.Equal(new DateOnly(2023, 6, 14), EventDating.Infer([new DatableBriefing(1, null, Undated), later, earlier])[1]);
    }

    [Theory]
    [InlineData("NATO Secretary General Jens Stoltenberg spoke on 14 June.")]
    [InlineData("NATO Secretary General Jens Stoltenberg previewed the meeting of 13 and 14 June 2023.")]
    public void Infer_OneSharedDayOrAnotherYear_NotPlaced(string undated)
    {
        // The dated briefing's days are in its own year, 2024.
        var dated = new DatableBriefing(2, new DateOnly(2024, 6, 12), "NATO Secretary General Jens Stoltenberg said ministers meet on June 13 and 14.");

        Assert.Empty(EventDating.Infer([new DatableBriefing(1, null, undated), dated]));
    }

    [Fact]
    public async Task Infer_ShippedBriefingsEachTakenAsUndated_NoneMisplaced()
    {
        var root = NatoBriefBot.Core.ProjectPaths.FindRoot();
        var reader = new BriefingReader(5 * 1024 * 1024);
        var briefings = new List<DatableBriefing>();
        foreach (var folder in new[] { Path.Combine(root, "seeds"), Path.Combine(root, "tests", "fixtures", "distractors") })
        {
            foreach (var file in Directory.GetFiles(folder).Where(f => !BriefingReader.IsSidecar(f)).Order(StringComparer.Ordinal))
            {
                var parsed = await reader.ReadAsync(file, folder);
                briefings.Add(new DatableBriefing(briefings.Count, parsed.Published, parsed.Text));
            }
        }

        var misplaced = new List<string>();
        foreach (var b in briefings.Where(b => b.Published is not null))
        {
            var inferred = EventDating.Infer([.. briefings.Select(o => o.Id == b.Id ? o with { Published = null } : o)]);
            if (inferred.TryGetValue(b.Id, out var date) && (date.Year, date.Month) != (b.Published!.Value.Year, b.Published.Value.Month))
            {
                misplaced.Add($"{b.Id}: {b.Published} placed at {date}");
            }
        }

        Assert.Empty(misplaced);
        Assert.Contains(briefings, b => b.Published is null && EventDating.Infer(briefings).ContainsKey(b.Id));
    }
}
