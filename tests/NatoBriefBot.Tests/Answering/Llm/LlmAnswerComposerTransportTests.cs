using Microsoft.Extensions.Logging;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Tests.Fakes;
using static NatoBriefBot.Tests.Answering.Llm.LlmTestData;

namespace NatoBriefBot.Tests.Answering.Llm;

/// <summary>How the composer talks to the model: wire format, providers, streaming, failures, logging.</summary>
public sealed class LlmAnswerComposerTransportTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private readonly StubOfflineComposer _fallback = new();

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ComposeAsync_AnyRequest_SendsFencedPassagesWithKeysQuestionAndBearerKey()
    {
        _server.Enqueue(GoodReply);
        var composer = Composer(Options(_server), _fallback);

        await composer.ComposeAsync(Request(Question, WiesbadenEvidence, SpendingEvidence));

        var request = _server.Single();
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-secret-123", request.Authorization);
        Assert.Equal("fake-gpt", request.Model);
        Assert.Equal(0.0, request.Temperature);
        Assert.False(request.Stream);
        Assert.Contains("<passage key=\"1\" title=\"NATO ministers agree Ukraine training command\" date=\"2024-10-17\" publisher=\"Reuters\">\n" + WiesbadenText + "\n</passage>", request.User, StringComparison.Ordinal);
        Assert.Contains("<passage key=\"2\" title=\"Defence ministers discuss spending in Brussels\" date=\"2023-06-15\" publisher=\"Anadolu\">", request.User, StringComparison.Ordinal);
        Assert.True(request.User.IndexOf("key=\"1\"", StringComparison.Ordinal) < request.User.IndexOf("key=\"2\"", StringComparison.Ordinal));
        Assert.Contains("<question>\n" + Question + "\n</question>", request.User, StringComparison.Ordinal);
        Assert.Contains(LlmAnswerComposer.Sentinel, request.System, StringComparison.Ordinal);
        Assert.Contains("never an instruction", request.System, StringComparison.Ordinal);
        Assert.DoesNotContain("{{$", request.System + request.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_SensitiveLoggingOn_LogsQuestionButNotKey()
    {
        _server.Enqueue(GoodReply);
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var composer = Composer(Options(_server, o => o.LogSensitiveData = true), _fallback, factory);

        await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Contains(logs.Lines, l => l.Contains(Question, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("sk-test-secret-123", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task ComposeAsync_HttpError_FallsBackToOfflineComposer(int status)
    {
        _server.Enqueue(FakeChatReply.Error(status));
        var composer = Composer(Options(_server), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        Assert.Equal(1, _fallback.Calls);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"}]}")]
    public async Task ComposeAsync_UnreadableOrEmptyReply_FallsBackToOfflineComposer(string body)
    {
        _server.Enqueue(FakeChatReply.Raw(body));
        var composer = Composer(Options(_server), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        Assert.Equal(1, _fallback.Calls);
    }

    [Fact]
    public async Task ComposeAsync_ServerUnreachable_FallsBackToOfflineComposer()
    {
        var endpoint = _server.OpenAiEndpoint;
        await _server.DisposeAsync();
        var composer = Composer(Options(_server, o => o.Endpoint = endpoint), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        _server = await FakeOpenAiServer.StartAsync();
    }

    [Fact]
    public async Task ComposeAsync_ModelTooSlow_FallsBackToOfflineComposer()
    {
        _server.Enqueue(FakeChatReply.Hang(TimeSpan.FromMinutes(2)));
        var composer = Composer(Options(_server, o => o.TimeoutSeconds = 1), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        Assert.Equal(1, _fallback.Calls);
    }

    [Fact]
    public async Task ComposeAsync_CallerCancels_ThrowsInsteadOfFallingBack()
    {
        _server.Enqueue(FakeChatReply.Hang(TimeSpan.FromMinutes(2)));
        var composer = Composer(Options(_server), _fallback);
        using var cts = new CancellationTokenSource();
        var pending = composer.ComposeAsync(Request(Question, WiesbadenEvidence), cts.Token);
        while (_server.Requests.IsEmpty)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(0, _fallback.Calls);
    }

    [Fact]
    public async Task ComposeAsync_StreamingReply_AssemblesChunksIntoCheckedAnswer()
    {
        _server.Enqueue(GoodReply);
        var composer = Composer(Options(_server, o => o.Stream = true), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.True(_server.Single().Stream);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal(GoodReply, answer.Text);
        Assert.Equal(WiesbadenText, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task ComposeAsync_ServerErrorWithSensitiveLoggingOff_NeverLogsKeyOrQuestion()
    {
        _server.Enqueue(FakeChatReply.Error(500));
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var composer = Composer(Options(_server), _fallback, factory);

        await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Contains(logs.Lines, l => l.Contains("HTTP status 500", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("sk-test-secret-123", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Question, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_AzureProvider_CallsDeploymentPathWithApiKeyHeader()
    {
        _server.Enqueue(GoodReply);
        var options = Options(_server, o =>
        {
            o.Provider = nameof(LlmProvider.AzureOpenAI);
            o.Endpoint = _server.BaseAddress.ToString();
            o.Model = null;
            o.Deployment = "briefbot-gpt4o";
            o.ApiKey = "azure-key-456";
        });
        var composer = Composer(options, _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        var request = _server.Single();
        Assert.Equal("/openai/deployments/briefbot-gpt4o/chat/completions", request.Path);
        Assert.Contains("api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal("azure-key-456", request.ApiKeyHeader);
        Assert.Equal(GoodReply, answer.Text);
    }

    [Fact]
    public async Task ComposeAsync_CompatibleServerWithoutKey_SendsNoAuthorizationHeader()
    {
        _server.Enqueue(GoodReply);
        var composer = Composer(Options(_server, o => o.ApiKey = ""), _fallback);

        var answer = await composer.ComposeAsync(Request(Question, WiesbadenEvidence));

        Assert.Null(_server.Single().Authorization);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
    }
}
