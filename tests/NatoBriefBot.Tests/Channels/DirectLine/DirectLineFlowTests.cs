using System.Net;
using System.Text.Json;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.DirectLine;

/// <summary>The Direct Line conversation flow against the real host on Kestrel, with the seeds ingested.</summary>
public sealed class DirectLineFlowTests : DirectLineTestBase
{
    public DirectLineFlowTests()
        : base(withSeeds: true)
    {
    }

    [Fact]
    public async Task GenerateToken_WithUser_ReturnsConversationTokenAndLifetime()
    {
        var generated = await Client.GenerateAsync(new { user = new { id = "u-42", name = "Ada" } });

        Assert.False(string.IsNullOrEmpty(generated.GetProperty("conversationId").GetString()));
        Assert.Equal(1800, generated.GetProperty("expires_in").GetInt32());
        var payload = generated.GetProperty("token").GetString()!.Split('.')[1];
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='))).RootElement;
        Assert.Equal("u-42", claims.GetProperty("user").GetString());
    }

    [Fact]
    public async Task StartConversation_NewToken_Returns201AndBotWelcomesWithSuggestions()
    {
        var generated = await Client.GenerateAsync();
        var token = generated.GetProperty("token").GetString();

        using var first = await Client.SendAsync(HttpMethod.Post, "/conversations", token, """{"user":{}}""");
        using var again = await Client.SendAsync(HttpMethod.Post, "/conversations", token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var started = await DirectLineClient.ReadAsync(first);
        var conversationId = started.GetProperty("conversationId").GetString()!;
        Assert.Equal(generated.GetProperty("conversationId").GetString(), conversationId);
        Assert.StartsWith("ws://", started.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var welcome = await Client.PollForAsync(conversationId, started.GetProperty("token").GetString()!, DirectLineClient.IsBotMessage);
        Assert.NotEmpty(welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        Assert.Equal("webchat", welcome.GetProperty("channelId").GetString());
        Assert.Equal(conversationId, welcome.GetProperty("conversation").GetProperty("id").GetString());
    }

    [Fact]
    public async Task PostActivity_Question_EchoesClientActivityIdAndRepliesWithCitations()
    {
        var (conversationId, token) = await Client.StartAsync();

        using var posted = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            """{"type":"message","text":"Who is the new NATO Secretary General?","from":{"id":"someone-else","role":"user"},"channelData":{"clientActivityID":"client-1"}}""");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = (await DirectLineClient.ReadAsync(posted)).GetProperty("id").GetString()!;
        Assert.Matches($"^{conversationId}\\|\\d{{7}}$", id);
        var echo = await Client.PollForAsync(conversationId, token, a => a.GetProperty("id").GetString() == id);
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.True(echo.TryGetProperty("timestamp", out _));

        var reply = await Client.PollForAsync(conversationId, token, a => DirectLineClient.IsBotMessage(a) && a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        Assert.Equal("natobriefbot", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Matches($"^{conversationId}\\|\\d{{7}}$", reply.GetProperty("id").GetString()!);
        Assert.Contains("[1]:", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(reply.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        Assert.NotEmpty(message.GetProperty("citation").EnumerateArray());
    }

    [Fact]
    public async Task GetActivities_WithWatermark_ReturnsOnlyNewerActivities()
    {
        var (conversationId, token) = await Client.StartAsync();
        await Client.PollForAsync(conversationId, token, DirectLineClient.IsBotMessage);
        var (before, watermark) = await Client.GetActivitiesAsync(conversationId, token);

        using var posted = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, """{"type":"message","text":"   "}""");
        var id = (await DirectLineClient.ReadAsync(posted)).GetProperty("id").GetString();
        await Client.PollForAsync(conversationId, token, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        var (after, next) = await Client.GetActivitiesAsync(conversationId, token, watermark);

        Assert.NotEmpty(before);
        Assert.DoesNotContain(after, a => before.Any(b => b.GetProperty("id").GetString() == a.GetProperty("id").GetString()));
        Assert.Equal(id, after[0].GetProperty("id").GetString());
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
        var (nothing, same) = await Client.GetActivitiesAsync(conversationId, token, next);
        Assert.Empty(nothing);
        Assert.Equal(next, same);
    }

    [Fact]
    public async Task Reconnect_StartedConversation_ReturnsFreshTokenAndStreamUrl()
    {
        var (conversationId, token) = await Client.StartAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineClient.ReadAsync(response);
        Assert.Equal(conversationId, body.GetProperty("conversationId").GetString());
        Assert.Contains("watermark=1", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, body.GetProperty("token").GetString()!);
        Assert.NotNull(activities);
    }

    [Fact]
    public async Task RefreshToken_ValidToken_ReturnsTokenThatStillWorks()
    {
        var (conversationId, token) = await Client.StartAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refreshed = await DirectLineClient.ReadAsync(response);
        Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
        var (activities, _) = await Client.GetActivitiesAsync(conversationId, refreshed.GetProperty("token").GetString()!);
        Assert.NotNull(activities);
    }
}

/// <summary>Many conversations at once: each gets its own echo and reply, none sees another's.</summary>
public sealed class DirectLineConcurrencyTests : IAsyncLifetime
{
    private RunningBot Bot = null!;
    private DirectLineClient Client = null!;

    public async Task InitializeAsync()
    {
        Bot = await RunningBot.StartAsync();
        Client = new DirectLineClient(Bot.Client);
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    [Fact]
    public async Task PostActivity_TwentyConversationsInParallel_EachGetsOnlyItsOwnActivities()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var (conversationId, token) = await Client.StartAsync();
            var ids = new List<string>();
            for (var turn = 0; turn < 3; turn++)
            {
                using var posted = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
                    $$$"""{"type":"message","text":" ","channelData":{"clientActivityID":"c{{{i}}}-{{{turn}}}"}}""");
                ids.Add((await DirectLineClient.ReadAsync(posted)).GetProperty("id").GetString()!);
            }

            await Client.PollForAsync(conversationId, token, a => a.TryGetProperty("replyToId", out var r) && r.GetString() == ids[^1]);
            var (activities, _) = await Client.GetActivitiesAsync(conversationId, token);
            return (Index: i, ConversationId: conversationId, Ids: ids, Activities: activities);
        }));

        foreach (var (index, conversationId, ids, activities) in results)
        {
            Assert.All(activities, a => Assert.Equal(conversationId, a.GetProperty("conversation").GetProperty("id").GetString()));
            var echoes = activities.Where(a => a.TryGetProperty("channelData", out var d) && d.TryGetProperty("clientActivityID", out _)).ToList();
            Assert.Equal(Enumerable.Range(0, 3).Select(t => $"c{index}-{t}"), echoes.Select(e => e.GetProperty("channelData").GetProperty("clientActivityID").GetString()));
            Assert.Equal(ids, activities.Where(a => a.TryGetProperty("replyToId", out _)).Select(a => a.GetProperty("replyToId").GetString()).Distinct());
            var allIds = activities.Select(a => a.GetProperty("id").GetString()).ToList();
            Assert.Equal(allIds.Order(StringComparer.Ordinal), allIds);
            Assert.Equal(allIds.Count, allIds.Distinct().Count());
        }
    }
}
