using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Tests.Answering.Llm;
using NatoBriefBot.Tests.Channels.DirectLine;
using NatoBriefBot.Tests.Fakes;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>Messages are acknowledged at once and answered in the background, with a slow fake language model on loopback.</summary>
public sealed class BackgroundTurnsTests : IAsyncLifetime
{
    private const string Question = "What support for Ukraine did defence ministers discuss?";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeConnector _connector = null!;
    private FakeOpenAiServer _llm = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _llm = await FakeOpenAiServer.StartAsync();
        _llm.Gate = _release.Task;
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _llm.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_SlowLlm_AcknowledgesFirstThenRepeatsTypingThenRepliesThroughConnector()
    {
        await using var bot = await StartBotAsync("--Bot:TypingIntervalSeconds=1");

        var response = await bot.PostActivityNoWaitAsync(ActivityBuilder.Message(_connector.ServiceUrl, "slow-1", Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await UntilAsync(() => _connector.For("slow-1").Count(p => Type(p) == "typing") >= 3 && !_llm.Requests.IsEmpty);
        Assert.DoesNotContain(_connector.For("slow-1"), p => Type(p) == "message");
        _release.SetResult();
        await bot.TurnsFinishedAsync();
        var posts = _connector.For("slow-1");
        Assert.Equal("message", Type(posts[^1]));
        Assert.All(posts.Take(posts.Count - 1), p => Assert.Equal("typing", Type(p)));
        Assert.NotEqual(BackgroundTurns.TimeoutText, posts[^1].Activity.GetProperty("text").GetString());
        Assert.NotEqual(BriefingBot.ErrorText, posts[^1].Activity.GetProperty("text").GetString());
    }

    [Fact]
    public async Task DirectLineMessage_SlowLlm_RepeatsTypingUntilTheAnswer()
    {
        _llm.Gate = Task.CompletedTask;
        await using var bot = await StartBotAsync("--Bot:TypingIntervalSeconds=1");
        var client = new DirectLineClient(bot.Client);
        var (conversationId, token) = await client.StartAsync();
        await client.PollForAsync(conversationId, token, DirectLineClient.IsBotMessage);
        _llm.Gate = _release.Task;
        var asked = _llm.Requests.Count;

        using var posted = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            $$"""{"type":"message","from":{"id":"dl-user"},"text":"{{Question}}"}""");
        posted.EnsureSuccessStatusCode();
        await UntilAsync(async () => _llm.Requests.Count > asked && (await client.GetActivitiesAsync(conversationId, token)).Activities.Count(IsBotTyping) >= 3);
        Assert.Single((await client.GetActivitiesAsync(conversationId, token)).Activities, DirectLineClient.IsBotMessage);
        _release.SetResult();

        var reply = await client.PollForAsync(conversationId, token, a => DirectLineClient.IsBotMessage(a) && a.TryGetProperty("replyToId", out _));
        Assert.NotEqual(BackgroundTurns.TimeoutText, reply.GetProperty("text").GetString());
        var activities = (await client.GetActivitiesAsync(conversationId, token)).Activities;
        Assert.DoesNotContain(activities.SkipWhile(a => a.GetProperty("id").GetString() != reply.GetProperty("id").GetString()), IsBotTyping);
    }

    [Fact]
    public async Task PostMessage_LlmSlowerThanTurnTimeout_SendsTimeoutMessageDespiteLongerLlmTimeout()
    {
        await using var bot = await StartBotAsync("--Bot:TurnTimeoutSeconds=3", "--Llm:TimeoutSeconds=60");

        await bot.PostActivityAsync(ActivityBuilder.Message(_connector.ServiceUrl, "timeout-1", Question));

        var last = _connector.For("timeout-1")[^1].Activity;
        Assert.Equal("message", last.GetProperty("type").GetString());
        Assert.Equal(BackgroundTurns.TimeoutText, last.GetProperty("text").GetString());
        Assert.Single(_llm.Requests);
    }

    [Fact]
    public async Task PostMessage_QueueFull_Returns503AndAnswersTheAcceptedOnes()
    {
        await using var bot = await StartBotAsync("--Bot:ConcurrentTurns=1", "--Bot:MaxQueuedTurns=1");

        var first = await bot.PostActivityNoWaitAsync(ActivityBuilder.Message(_connector.ServiceUrl, "queue-1", Question));
        await UntilAsync(() => !_llm.Requests.IsEmpty);
        var second = await bot.PostActivityNoWaitAsync(ActivityBuilder.Message(_connector.ServiceUrl, "queue-2", Question));
        var third = await bot.PostActivityNoWaitAsync(ActivityBuilder.Message(_connector.ServiceUrl, "queue-3", Question));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Contains("busy", (await RunningBot.ReadJsonAsync(third)).GetProperty("error").GetString(), StringComparison.Ordinal);
        _release.SetResult();
        await bot.TurnsFinishedAsync();
        Assert.Equal("message", Type(_connector.For("queue-2")[^1]));
        Assert.Empty(_connector.For("queue-3"));
    }

    [Fact]
    public async Task PostMessage_TeamsPersonalChat_StreamsInformativeUpdatesThenClosesStreamWithCitedAnswer()
    {
        _llm.Responder = request => FakeChatReply.Text(LlmEngineIntegrationTests.FirstSentenceOfFirstPassage(request.User) + " [1]");
        await using var bot = await StartBotAsync("--Bot:TypingIntervalSeconds=1");

        await bot.PostActivityNoWaitAsync(TeamsMessage("teams-stream-1", "personal"));
        await UntilAsync(() => _connector.For("teams-stream-1").Count >= 3 && !_llm.Requests.IsEmpty);
        _release.SetResult();
        await bot.TurnsFinishedAsync();

        var posts = _connector.For("teams-stream-1");
        var updates = posts.Take(posts.Count - 1).ToList();
        Assert.All(updates, p => Assert.Equal("typing", Type(p)));
        Assert.All(updates, p => Assert.Equal(StreamingSender.SearchingText, p.Activity.GetProperty("text").GetString()));
        var infos = updates.Select(p => StreamInfo(p.Activity)).ToList();
        Assert.All(infos, i => Assert.Equal("informative", i.GetProperty("streamType").GetString()));
        Assert.Equal(Enumerable.Range(1, infos.Count), infos.Select(i => i.GetProperty("streamSequence").GetInt32()));
        Assert.False(infos[0].TryGetProperty("streamId", out _));
        Assert.All(infos.Skip(1), i => Assert.Equal(posts[0].Id, i.GetProperty("streamId").GetString()));
        var final = posts[^1].Activity;
        Assert.Equal("message", final.GetProperty("type").GetString());
        Assert.Equal("final", StreamInfo(final).GetProperty("streamType").GetString());
        Assert.Equal(posts[0].Id, StreamInfo(final).GetProperty("streamId").GetString());
        Assert.False(StreamInfo(final).TryGetProperty("streamSequence", out _));
        var message = Assert.Single(final.GetProperty("entities").EnumerateArray(), e => e.TryGetProperty("@type", out var t) && t.GetString() == "Message");
        Assert.NotEmpty(message.GetProperty("citation").EnumerateArray());
        Assert.Equal("AIGeneratedContent", Assert.Single(message.GetProperty("additionalType").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task PostMessage_TeamsTurnTimesOut_TimeoutMessageClosesTheStream()
    {
        await using var bot = await StartBotAsync("--Bot:TurnTimeoutSeconds=3");

        await bot.PostActivityAsync(TeamsMessage("teams-timeout-1", "personal"));

        var posts = _connector.For("teams-timeout-1");
        Assert.Equal(BackgroundTurns.TimeoutText, posts[^1].Activity.GetProperty("text").GetString());
        Assert.Equal("final", StreamInfo(posts[^1].Activity).GetProperty("streamType").GetString());
        Assert.Equal(posts[0].Id, StreamInfo(posts[^1].Activity).GetProperty("streamId").GetString());
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task PostMessage_TeamsOutsidePersonalChat_PlainTypingAndNoStream(string scope)
    {
        _release.SetResult();
        await using var bot = await StartBotAsync();

        await bot.PostActivityAsync(TeamsMessage("teams-group-1", scope));

        var posts = _connector.For("teams-group-1");
        TypingThenAnswer.Assert([.. posts.Select(Type)]);
        Assert.All(posts, p => Assert.DoesNotContain("streaminfo", p.Activity.GetRawText(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--Bot:TurnTimeoutSeconds=30")]
    [InlineData("--Bot:TypingIntervalSeconds=0.5")]
    public async Task Start_TurnSettingOutOfRange_Refuses(string setting)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync(setting));

        Assert.Contains(setting[6..setting.IndexOf('=')], ex.Message, StringComparison.Ordinal);
    }

    private async Task<RunningBot> StartBotAsync(params string[] args)
    {
        var bot = await RunningBot.StartAsync(
            ["--Llm:Provider=OpenAICompatible", "--Llm:Model=fake-gpt", "--Llm:Endpoint=" + _llm.OpenAiEndpoint, .. args]);
        await bot.IngestSeedsAsync();
        return bot;
    }

    private Dictionary<string, object?> TeamsMessage(string conversationId, string scope) =>
        ActivityBuilder.TeamsMessage(_connector.ServiceUrl, conversationId, scope, Question);

    private static JsonElement StreamInfo(JsonElement activity) => ActivityBuilder.StreamInfo(activity);

    private static string? Type(FakeConnector.Received post) => post.Activity.GetProperty("type").GetString();

    private static bool IsBotTyping(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "typing" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    private static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
