using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Answering;

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("hi", SmallTalkKind.Greeting)]
    [InlineData("Hello there!", SmallTalkKind.Greeting)]
    [InlineData("good morning", SmallTalkKind.Greeting)]
    [InlineData("What can you do?", SmallTalkKind.Help)]
    [InlineData("who are you", SmallTalkKind.Help)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("Thanks!", SmallTalkKind.Thanks)]
    [InlineData("ok great, thank you very much", SmallTalkKind.Thanks)]
    [InlineData("bye for now", SmallTalkKind.Goodbye)]
    public void Classify_WholeMessageTalksToTheBot_ItsKind(string message, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalk.Classify(message));
    }

    [Theory]
    [InlineData("hi, who is the Secretary General?")]
    [InlineData("what do you know about Rutte")]
    [InlineData("thanks to whom did the plan pass")]
    [InlineData("")]
    public void Classify_AQuestion_Null(string message)
    {
        Assert.Null(SmallTalk.Classify(message));
    }

    [Fact]
    public void Reply_Greeting_SaysWhatTheIndexHolds()
    {
        var catalog = new CatalogSummary(2, 9, new DateOnly(2023, 6, 14), new DateOnly(2024, 10, 17), []);

        var greeting = SmallTalk.Reply(SmallTalkKind.Greeting, catalog);
        var empty = SmallTalk.Reply(SmallTalkKind.Help, new CatalogSummary(0, 0, null, null, []));

        Assert.Contains("2 briefings from 14 June 2023 to 17 October 2024", greeting, StringComparison.Ordinal);
        Assert.Contains("run the `ingest` command", empty, StringComparison.Ordinal);
    }
}
