using System.Net;
using System.Text.Json;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.DirectLine;

/// <summary>Tokens guard every conversation call; errors come in the Direct Line error format.</summary>
public sealed class DirectLineSecurityTests : DirectLineTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCIsInVzZXIiOiJ5In0.c2lnbmF0dXJl")]
    public async Task ConversationCalls_MissingOrBadToken_Return401Unauthorized(string? token)
    {
        var (conversationId, _) = await Client.StartAsync();

        using var start = await Client.SendAsync(HttpMethod.Post, "/conversations", token);
        using var poll = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
        using var post = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, """{"type":"message","text":"hi"}""");

        foreach (var response in new[] { start, poll, post })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var error = (await DirectLineClient.ReadAsync(response)).GetProperty("error");
            Assert.Equal("Unauthorized", error.GetProperty("code").GetString());
            Assert.Contains("/v3/directline/tokens/generate", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Token_ForConversationA_CannotReadOrWriteConversationB()
    {
        var (conversationA, tokenA) = await Client.StartAsync();
        var (conversationB, tokenB) = await Client.StartAsync();

        using var read = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationB}/activities", tokenA);
        using var write = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationB}/activities", tokenA, """{"type":"message","text":"hi"}""");
        using var reconnect = await Client.SendAsync(HttpMethod.Get, $"/conversations/{conversationB}", tokenA);

        Assert.NotEqual(conversationA, conversationB);
        foreach (var response in new[] { read, write, reconnect })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Forbidden", (await DirectLineClient.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
        }

        var (activities, _) = await Client.GetActivitiesAsync(conversationB, tokenB);
        Assert.DoesNotContain(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == "hi");
    }

    [Fact]
    public async Task PostActivity_BadJson_Returns400AndStoresNothing()
    {
        var (conversationId, token) = await Client.StartAsync();
        var (_, watermark) = await Client.GetActivitiesAsync(conversationId, token);

        using var broken = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, """{"type":"message","text":""");
        using var untyped = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, """{"text":"no type"}""");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, untyped.StatusCode);
        Assert.Equal("BadArgument", (await DirectLineClient.ReadAsync(broken)).GetProperty("error").GetProperty("code").GetString());
        var (after, _) = await Client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.DoesNotContain(after, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
    }

    [Fact]
    public async Task PostActivity_LargerThanLimit_Returns413AndStoresNothing()
    {
        var (conversationId, token) = await Client.StartAsync();
        var (_, watermark) = await Client.GetActivitiesAsync(conversationId, token);
        var huge = JsonSerializer.Serialize(new { type = "message", text = new string('x', new NatoBriefBot.Channels.DirectLine.DirectLineOptions().MaxActivityBytes) });

        using var response = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (await DirectLineClient.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
        var (after, _) = await Client.GetActivitiesAsync(conversationId, token, watermark);
        Assert.DoesNotContain(after, a => a.GetProperty("from").GetProperty("role").GetString() == "user");
    }

    [Fact]
    public async Task GenerateToken_BadJsonOrBadUserId_Returns400()
    {
        using var broken = await Bot.Client.PostAsync("/v3/directline/tokens/generate", new StringContent("{user:", System.Text.Encoding.UTF8, "application/json"));
        using var control = await Bot.Client.PostAsync("/v3/directline/tokens/generate", new StringContent("""{"user":{"id":"a\u0001b"}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Equal("BadArgument", (await DirectLineClient.ReadAsync(control)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task PollActivities_ConversationNeverStarted_Returns404()
    {
        var own = await Client.GenerateAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, $"/conversations/{own.GetProperty("conversationId").GetString()}/activities", own.GetProperty("token").GetString());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await DirectLineClient.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }
}

/// <summary>Tokens stop working when they expire; the lifetime comes from <c>DirectLine:TokenMinutes</c>.</summary>
public sealed class DirectLineTokenExpiryTests : IAsyncLifetime
{
    private RunningBot Bot = null!;
    private DirectLineClient Client = null!;

    public async Task InitializeAsync()
    {
        Bot = await RunningBot.StartAsync("--DirectLine:TokenMinutes=0.005");
        Client = new DirectLineClient(Bot.Client);
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();

    [Fact]
    public async Task ConversationCalls_ExpiredToken_Return403TokenExpired()
    {
        var generated = await Client.GenerateAsync();
        var token = generated.GetProperty("token").GetString();
        Assert.Equal(1, generated.GetProperty("expires_in").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var start = await Client.SendAsync(HttpMethod.Post, "/conversations", token);
        using var refresh = await Client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);

        foreach (var response in new[] { start, refresh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var error = (await DirectLineClient.ReadAsync(response)).GetProperty("error");
            Assert.Equal("TokenExpired", error.GetProperty("code").GetString());
            Assert.Contains("expired", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }
}
