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
    [InlineData("who are you", SmallTalkKind.Identity)]
    [InlineData("r u a real human??", SmallTalkKind.Identity)]
    [InlineData("hello! who are you and what kind of questions can I ask you?", SmallTalkKind.Identity)]
    [InlineData("Which sources do you draw your answers from?", SmallTalkKind.Help)]
    [InlineData("Briefly, what are you meant to help me with?", SmallTalkKind.Help)]
    [InlineData("hey, how are you doing", SmallTalkKind.HowAreYou)]
    [InlineData("thanks so much for your help, that's all for today", SmallTalkKind.Goodbye)]
    [InlineData("ok thats all i wanted", SmallTalkKind.Goodbye)]
    [InlineData("help", SmallTalkKind.Help)]
    [InlineData("Thanks!", SmallTalkKind.Thanks)]
    [InlineData("ok great, thank you very much", SmallTalkKind.Thanks)]
    [InlineData("ok great", SmallTalkKind.Thanks)]
    [InlineData("bye for now", SmallTalkKind.Goodbye)]
    [InlineData("Can you help me with NATO briefings?", SmallTalkKind.Help)]
    [InlineData("heyyy", SmallTalkKind.Greeting)]
    [InlineData("helo who r u", SmallTalkKind.Identity)]
    [InlineData("thnaks, that was realy helpfull", SmallTalkKind.Thanks)]
    [InlineData("Thank you very much for your assistance today. Goodbye.", SmallTalkKind.Goodbye)]
    [InlineData("what defence news do you cover", SmallTalkKind.Help)]
    [InlineData("could you answer my questions about NATO summits", SmallTalkKind.Help)]
    [InlineData("do you have articles on the alliance's ministerial meetings?", SmallTalkKind.Help)]
    [InlineData("hey there, anyone home?", SmallTalkKind.HowAreYou)]
    [InlineData("are u still there??", SmallTalkKind.HowAreYou)]
    [InlineData("hello? is this thing on", SmallTalkKind.HowAreYou)]
    public void Classify_WholeMessageTalksToTheBot_ItsKind(string message, SmallTalkKind kind)
    {
        Assert.Equal(kind, SmallTalk.Classify(message));
    }

    [Theory]
    [InlineData("hi, who is the Secretary General?")]
    [InlineData("what do you know about Rutte")]
    [InlineData("can you help me with the nato summit")]
    [InlineData("can you answer questions about the nato summit in vilnius")]
    [InlineData("can you tell me which questions about nato meetings hungary raised")]
    [InlineData("how many tanks")]
    [InlineData("was the plan helpful to ukraine")]
    [InlineData("what do you know about defence spending")]
    [InlineData("thanks to whom did the plan pass")]
    [InlineData("can you tell me who chairs the meeting")]
    [InlineData("thanks! and how many jets did they pledge?")]
    [InlineData("what does this mean")]
    [InlineData("are you sure about the date?")]
    [InlineData("how are the talks with Hungary going")]
    [InlineData("is anyone there in charge of the new command?")]
    [InlineData("who was around at the summit")]
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

    [Theory]
    [InlineData(SmallTalkKind.Identity, "a bot rather than a person")]
    [InlineData(SmallTalkKind.HowAreYou, "thanks for asking")]
    public void Reply_AboutTheBot_SaysSoThenWhatItKnows(SmallTalkKind kind, string opening)
    {
        var catalog = new CatalogSummary(2, 9, new DateOnly(2023, 6, 14), new DateOnly(2024, 10, 17), []);

        var reply = SmallTalk.Reply(kind, catalog);

        Assert.Contains(opening, reply, StringComparison.Ordinal);
        Assert.Contains("2 briefings from 14 June 2023 to 17 October 2024", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello!", reply, StringComparison.Ordinal);
    }
}
