using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering;

public sealed class ChatIntentsTests(SeededEngine seeds) : IClassFixture<SeededEngine>
{
    [Fact]
    public void Examples_CoverEveryKindOfSmallTalk()
    {
        var kinds = ChatIntents.Examples.Select(e => e.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<SmallTalkKind>().ToHashSet(), kinds);
        Assert.All(ChatIntents.Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Example)));
    }

    [Theory]
    [InlineData("heya, morning all", SmallTalkKind.Greeting)]
    [InlineData("who exactly am I chatting with here, a program?", SmallTalkKind.Identity)]
    [InlineData("many thanks, that was useful", SmallTalkKind.Thanks)]
    [InlineData("any advice on how to ask you things?", SmallTalkKind.Help)]
    public async Task NearestAsync_ChatMessage_ItsKindAndNearerThanTheThreshold(string message, SmallTalkKind kind)
    {
        var nearest = await new ChatIntents(seeds.Embedder).NearestAsync(message);

        Assert.Equal(kind, nearest.Kind);
        Assert.True(nearest.Similarity >= new AnsweringOptions().ChatSimilarity, $"{nearest.Similarity} to '{nearest.Example}'");
    }

    [Theory]
    [InlineData("How many troops are on high readiness?")]
    [InlineData("who is running nato these days?")]
    [InlineData("What did NATO decide about Antarctica in 2019?")]
    public async Task NearestAsync_QuestionAboutTheBriefings_BelowTheThreshold(string question)
    {
        var nearest = await new ChatIntents(seeds.Embedder).NearestAsync(question);

        Assert.True(nearest.Similarity < new AnsweringOptions().ChatSimilarity, $"{nearest.Similarity} to '{nearest.Example}'");
    }

    [Theory]
    [InlineData("hey so I'm new here, who are you exactly?", 2)]
    [InlineData("Thanks. One more - what did the U.S. pledge?", 3)]
    [InlineData("What did NATO decide in 2019?", 1)]
    public void Parts_SplitAtSentencesClausesAndDashes(string message, int parts) =>
        Assert.Equal(parts, ChatIntents.Parts(message).Count);

    [Fact]
    public async Task NearestByPartAsync_GreetingLeadInAndQuestion_EachPartItsOwnKind()
    {
        var parts = await new ChatIntents(seeds.Embedder).NearestByPartAsync("hello there, first week on the desk, who or what exactly are you?");

        Assert.Equal(3, parts.Count);
        Assert.Equal(SmallTalkKind.Greeting, parts[0].Kind);
        Assert.Equal(SmallTalkKind.Identity, parts[^1].Kind);
        Assert.True(parts[^1].Similarity >= new AnsweringOptions().ChatSimilarity, $"{parts[^1].Similarity} to '{parts[^1].Example}'");
    }

    [Fact]
    public async Task RetrieveAsync_ReportsHowNearTheNearestPassageComes()
    {
        var related = await seeds.Retriever.RetrieveAsync("How many troops are on high readiness?", new RetrievalHints([]));
        var unrelated = await seeds.Retriever.RetrieveAsync("any advice on how to ask you things?", new RetrievalHints([]));

        Assert.InRange(related.NearestPassage, 0.5, 1.0);
        Assert.True(unrelated.NearestPassage < related.NearestPassage, $"{unrelated.NearestPassage} vs {related.NearestPassage}");
    }
}
