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
        var later = new DatableBriefing(2, new DateOnly(2023, 7, 11), "Leaders gathered in Vilnius on 11 July.");
        var earlier = new DatableBriefing(3, new DateOnly(2023, 6, 14), "The Vilnius Summit starts on 11 July.");

        Assert.Equal(new DateOnly(2023, 6, 14), EventDating.Infer([new DatableBriefing(1, null, Undated), later, earlier])[1]);
    }
}
