using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Tests.Fakes;
using static NatoBriefBot.Tests.Answering.Llm.LlmTestData;

namespace NatoBriefBot.Tests.Answering.Llm;

public sealed class LlmQuestionRewriterTests : IAsyncLifetime
{
    private static readonly ConversationTurn[] History =
    [
        new("What did Rutte announce in October 2024?", "What did Rutte announce in October 2024?",
            new Answer("What did Rutte announce in October 2024?", AnswerOutcome.Answered,
                "NATO will set up a new command in Wiesbaden, Germany, to coordinate aid for Ukraine [1].", [])),
    ];

    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RewriteAsync_FollowUp_SendsHistoryAndQuestionAndReturnsRewrite()
    {
        _server.Enqueue("Stand-alone question: \"How many personnel will the NATO command in Wiesbaden involve?\"\n");
        var rewriter = Rewriter(Options(_server));

        var rewritten = await rewriter.RewriteAsync("How many people will it have?", History);

        Assert.Equal("How many personnel will the NATO command in Wiesbaden involve?", rewritten);
        var request = _server.Single();
        Assert.Contains("<history>\nUser: What did Rutte announce in October 2024?\nBot: NATO will set up a new command in Wiesbaden, Germany, to coordinate aid for Ukraine.\n</history>", request.User, StringComparison.Ordinal);
        Assert.Contains("<question>\nHow many people will it have?\n</question>", request.User, StringComparison.Ordinal);
        Assert.Contains("stand-alone", request.System, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RewriteAsync_ServerFails_ReturnsQuestionUnchanged()
    {
        _server.Enqueue(FakeChatReply.Error(503));
        var rewriter = Rewriter(Options(_server));

        var rewritten = await rewriter.RewriteAsync("And Germany?", History);

        Assert.Equal("And Germany?", rewritten);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RewriteAsync_ServerFailsWithFallback_AsksFallback()
    {
        _server.Enqueue(FakeChatReply.Error(500));
        var rewriter = Rewriter(Options(_server), new SuffixRewriter());

        var rewritten = await rewriter.RewriteAsync("And Germany?", History);

        Assert.Equal("And Germany? (offline)", rewritten);
    }

    [Fact]
    public async Task RewriteAsync_EmptyReply_ReturnsQuestionUnchanged()
    {
        _server.Enqueue("   ");
        var rewriter = Rewriter(Options(_server));

        Assert.Equal("And Germany?", await rewriter.RewriteAsync("And Germany?", History));
    }

    [Fact]
    public async Task RewriteAsync_NoHistory_DoesNotCallModel()
    {
        var rewriter = Rewriter(Options(_server));

        var rewritten = await rewriter.RewriteAsync("What is NATO?", []);

        Assert.Equal("What is NATO?", rewritten);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task RewriteAsync_StreamingReply_ReturnsRewrite()
    {
        _server.Enqueue("What did Germany say about the Wiesbaden command?");
        var rewriter = Rewriter(Options(_server, o => o.Stream = true));

        var rewritten = await rewriter.RewriteAsync("And Germany?", History);

        Assert.Equal("What did Germany say about the Wiesbaden command?", rewritten);
        Assert.True(_server.Single().Stream);
    }

    [Fact]
    public void FormatHistory_ManyTurns_KeepsOnlyTheLastOnes()
    {
        var turns = Enumerable.Range(1, 6).Select(i => new ConversationTurn($"q{i}", $"question {i}",
            new Answer($"q{i}", AnswerOutcome.Answered, $"answer {i} [1]", []))).ToList();

        var text = LlmQuestionRewriter.FormatHistory(turns);

        Assert.DoesNotContain("question 3", text, StringComparison.Ordinal);
        Assert.StartsWith("User: question 4\nBot: answer 4\n", text, StringComparison.Ordinal);
        Assert.EndsWith("User: question 6\nBot: answer 6", text, StringComparison.Ordinal);
    }

    private static LlmQuestionRewriter Rewriter(LlmOptions options, IQuestionRewriter? fallback = null) =>
        new(LlmChat.Create(options), Prompts(), options, fallback);

    private sealed class SuffixRewriter : IQuestionRewriter
    {
        public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default) =>
            Task.FromResult(question + " (offline)");
    }
}
