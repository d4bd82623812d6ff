using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Fakes;
using NatoBriefBot.Tests.Support;
using static NatoBriefBot.Tests.Answering.Llm.LlmTestData;

namespace NatoBriefBot.Tests.Answering.Llm;

/// <summary>Drafts of an answer while a slow model streams it: only finished sentences that pass the citation check.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class LlmAnswerComposerDraftTests : IAsyncLifetime
{
    private const string Supported1 = "NATO defence ministers agreed to set up a new command in Wiesbaden, Germany, to coordinate military aid and training for Ukraine [1].";
    private const string Supported2 = "Allies agreed that spending 2% of GDP on defence should be a floor, not a ceiling [2].";
    private const string Supported3 = "The command will involve nearly 700 personnel [1].";

    private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(15);

    private readonly StubOfflineComposer _fallback = new();
    private readonly DraftRecorder _drafts = new();
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ComposeAsync_DraftsRequested_StreamsAndReportsEachFinishedSentenceAsItComes()
    {
        _server.Enqueue(FakeChatReply.Slow($"{Supported1} {Supported2} {Supported3}", ChunkDelay));

        var answer = await ComposeAsync();

        Assert.True(_server.Single().Stream, "drafts need a streamed reply even with Llm:Stream off");
        Assert.Equal([Supported1, $"{Supported1} {Supported2}"], _drafts.Texts);
        Assert.Equal($"{Supported1} {Supported2} {Supported3}", answer.Text);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
    }

    [Fact]
    public async Task ComposeAsync_StreamedSentenceFailsCheck_NeverDraftedAndFinalCarriesOnlyCheckedText()
    {
        _server.Enqueue(FakeChatReply.Slow(
            "Rutte said the command will cost 5 billion euros and be based in Paris [1]. " +
            "Allies agreed that spending 2% of GDP on defence should be a floor, not a ceiling [2]. " +
            "The new command in Wiesbaden will coordinate training for Ukraine [1].", ChunkDelay));

        var answer = await ComposeAsync();

        Assert.Equal(["Allies agreed that spending 2% of GDP on defence should be a floor, not a ceiling [1]."], _drafts.Texts);
        Assert.All(_drafts.Texts, d => Assert.DoesNotContain("Paris", d, StringComparison.Ordinal));
        Assert.Equal(
            "Allies agreed that spending 2% of GDP on defence should be a floor, not a ceiling [1]. " +
            "The new command in Wiesbaden will coordinate training for Ukraine [2].", answer.Text);
        Assert.StartsWith(_drafts.Texts[^1], answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_EveryStreamedClaimFailsCheck_NoDraftAndNotInBriefings()
    {
        _server.Enqueue(FakeChatReply.Slow(
            "The summit was held on Mars in a glass dome [1]. Delegates travelled there by private rocket [2]. It rained all week [1].", ChunkDelay));

        var answer = await ComposeAsync();

        Assert.Empty(_drafts.Texts);
        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task ComposeAsync_SentinelStreamed_NoDraft()
    {
        _server.Enqueue(FakeChatReply.Slow(Core.Answering.Llm.LlmAnswerComposer.Sentinel + ". " + Supported2 + " " + Supported3, ChunkDelay));

        var answer = await ComposeAsync();

        Assert.Empty(_drafts.Texts);
        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
    }

    [Fact]
    public async Task ComposeAsync_ModelFailsAfterDrafts_OfflineAnswerIsTheFinal()
    {
        // The first chunk (a whole sentence) comes 1.5 s before the timeout, the second 1 s after it: room for a busy machine.
        _server.Enqueue(FakeChatReply.Slow($"{Supported1} {Supported2} {Supported3}", TimeSpan.FromMilliseconds(2500), chunkChars: 150));
        var composer = Composer(Options(_server, o => o.TimeoutSeconds = 4), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence, SpendingEvidence) with { Drafts = _drafts });

        Assert.NotEmpty(_drafts.Texts);
        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        Assert.Equal(1, _fallback.Calls);
    }

    private Task<Answer> ComposeAsync() =>
        Composer(Options(_server), _fallback).ComposeAsync(Request(Question, WiesbadenEvidence, SpendingEvidence) with { Drafts = _drafts });
}

/// <summary>Keeps every draft reported, in order, on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class DraftRecorder : IProgress<string>
{
    private readonly List<string> _texts = [];

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
            {
                return [.. _texts];
            }
        }
    }

    public void Report(string value)
    {
        lock (_texts)
        {
            _texts.Add(value);
        }
    }
}
