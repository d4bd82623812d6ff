using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public class WelcomeMessageTests
{
    private static StoredBriefing Briefing(string title, DateOnly? date) => new(1, "f.txt", title, date, null, null, "h", 3);

    [Fact]
    public void Build_DatedCatalog_SaysCountAndRangeAndSuggestsFromMonthsAndTitles()
    {
        var catalog = new CatalogSummary(3, 12, new DateOnly(2023, 6, 14), new DateOnly(2024, 10, 17),
            [Briefing("Ministers meet in Brussels", new DateOnly(2023, 6, 14)), Briefing("Aid to Ukraine", new DateOnly(2024, 10, 17)), Briefing("Summit preview", new DateOnly(2024, 7, 5))]);

        var welcome = WelcomeMessage.Build(catalog);

        Assert.Contains("I know 3 briefings from 14 June 2023 to 17 October 2024", welcome.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["What did NATO defence ministers discuss in October 2024?", "What did NATO defence ministers discuss in July 2024?",
             "Tell me about aid to Ukraine", "Tell me about summit preview"],
            welcome.SuggestedActions!.Actions.Select(a => a.Value));
    }

    [Fact]
    public void Build_EmptyCatalog_SaysNothingIsLoadedAndHowToFixIt()
    {
        var welcome = WelcomeMessage.Build(new CatalogSummary(0, 0, null, null, []));

        Assert.Contains("ingest", welcome.Text, StringComparison.Ordinal);
        Assert.Null(welcome.SuggestedActions);
    }

    [Theory]
    [InlineData("NATO Summit's Top Priority: Support for Ukraine", "NATO Summit's Top Priority")]
    [InlineData("Defence ministers meet in Brussels, agree new plans", "defence ministers meet in Brussels")]
    [InlineData("One two three four five six seven eight nine ten", "one two three four five six seven eight")]
    public void Topic_Headline_ShortTopicPhrase(string title, string expected)
    {
        Assert.Equal(expected, NatoBriefBot.Core.Answering.StarterQuestions.Topic(title));
    }
}
