using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Answering;

public class NotInBriefingsTests
{
    private static readonly StoredBriefing Undated = new(1, "a.txt", "Ministers meet in Brussels", null, null, null, "h", 1)
    {
        EventDate = new DateOnly(2023, 6, 14),
    };

    private static readonly StoredBriefing Dated = new(2, "b.txt", "Summit preview", new DateOnly(2024, 7, 5), null, null, "h", 1);

    [Fact]
    public void Create_UndatedBriefingWithDatedEvents_NamedWithTheMonthOfItsEventsNotAsPublished()
    {
        var answer = NotInBriefings.Create("who chaired it", [Make(Undated), Make(Dated)], null);

        Assert.Contains("\u201CMinisters meet in Brussels\u201D (undated; about events of June 2023)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\u201CSummit preview\u201D (5 July 2024)", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["Ministers meet in Brussels (undated; about events of June 2023)", "Summit preview (5 July 2024)"], answer.Suggestions);
    }

    [Fact]
    public void Unsure_UndatedBriefingWithoutEventDate_NamedByTitleAlone()
    {
        var plain = Undated with { EventDate = null };

        var answer = NotInBriefings.Unsure("who chaired it", [Make(plain)], Make(plain), "Ministers met.");

        Assert.Contains("The closest is in \u201CMinisters meet in Brussels\u201D: \u201CMinisters met.\u201D", answer.Text, StringComparison.Ordinal);
    }

    private static Evidence Make(StoredBriefing briefing) => Evidence.Of(
        new StoredPassage(briefing.Id * 10, briefing.Id, 0, 0, 14, "Ministers met."), briefing, 1.0);
}
