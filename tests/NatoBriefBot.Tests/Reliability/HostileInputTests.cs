using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.DirectLine;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>One bot (no auth) with a fake Bot Connector and a log recorder, shared by the hostile-input tests.</summary>
public sealed class HostileInputFixture : IAsyncLifetime
{
    public LogRecorder Logs { get; } = new();

    internal FakeConnector Connector { get; private set; } = null!;

    internal RunningBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = await RunningBot.StartAsync(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>Bad text, oversized bodies and rejected feedback get a clear status with a matching JSON body on every channel.</summary>
public sealed class HostileInputTests(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    private const string LoneSurrogate = "\\ud800";
    private readonly RunningBot _bot = fixture.Bot;
    private readonly FakeConnector _connector = fixture.Connector;

    /// <summary>UTF-8 JSON with <paramref name="value"/>'s bytes spliced in raw, so it can hold invalid UTF-8.</summary>
    private static ByteArrayContent JsonBytes(string before, byte[] value, string after)
    {
        var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(before), .. value, .. Encoding.UTF8.GetBytes(after)]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static readonly byte[] InvalidUtf8 = [(byte)'W', 0xFF, 0xFE, (byte)'?'];

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await RunningBot.ReadJsonAsync(response)).GetProperty("error").GetString()!;
    }

    private static async Task AssertInvalidTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode text", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"question\":\"Who " + LoneSurrogate + " leads NATO?\"}")]
    [InlineData("{\"question\":\"Who leads NATO?\",\"conversation\":\"c" + LoneSurrogate + "\"}")]
    public async Task Ask_LoneSurrogate_400WithReason(string body)
    {
        using var response = await _bot.Client.PostAsync("/api/ask", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertInvalidTextAsync(response);
    }

    [Theory]
    [InlineData("{\"question\":\"", "\"}")]
    [InlineData("{\"question\":\"Who leads NATO?\",\"conversation\":\"", "\"}")]
    public async Task Ask_InvalidUtf8_400WithReason(string before, string after)
    {
        using var response = await _bot.Client.PostAsync("/api/ask", JsonBytes(before, InvalidUtf8, after));

        await AssertInvalidTextAsync(response);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ask_BodyOverLimit_413WithJsonError(bool sized)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { question = new string('x', 40_000) });
        HttpContent content = sized ? new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } } : new UnsizedContent(bytes);

        using var response = await _bot.Client.PostAsync("/api/ask", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Messages_BodyOverLimit_413WithJsonErrorLoggedAsWarning(bool sized)
    {
        var activity = ActivityBuilder.Message(_connector.ServiceUrl, "big-" + sized, new string('x', 400_000));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity);
        HttpContent content = sized ? new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } } : new UnsizedContent(bytes);

        using var response = await _bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await ErrorOf(response), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(fixture.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("413", StringComparison.Ordinal));
        Assert.Empty(_connector.For("big-" + sized));
    }

    [Fact]
    public async Task Messages_LoneSurrogateInText_400WithReason()
    {
        var json = JsonSerializer.Serialize(ActivityBuilder.Message(_connector.ServiceUrl, "surrogate-1", "PLACEHOLDER"))
            .Replace("PLACEHOLDER", "Who " + LoneSurrogate + " leads?", StringComparison.Ordinal);

        using var response = await _bot.Client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertInvalidTextAsync(response);
        Assert.Empty(_connector.For("surrogate-1"));
    }

    [Fact]
    public async Task Messages_InvalidUtf8InText_400WithReason()
    {
        var json = JsonSerializer.Serialize(ActivityBuilder.Message(_connector.ServiceUrl, "utf8-1", "PLACEHOLDER"));
        var at = json.IndexOf("PLACEHOLDER", StringComparison.Ordinal);

        using var response = await _bot.Client.PostAsync("/api/messages", JsonBytes(json[..at], InvalidUtf8, json[(at + "PLACEHOLDER".Length)..]));

        await AssertInvalidTextAsync(response);
    }

    [Theory]
    [InlineData("long", "characters long; the limit is")]
    [InlineData("control", "control characters")]
    public async Task Messages_InvalidQuestion_RepliesWithValidationMessage(string kind, string expected)
    {
        var text = kind == "long" ? new string('x', 5_000) : "Who\u0007 leads NATO?";
        var activity = ActivityBuilder.Message(_connector.ServiceUrl, "invalid-" + kind, text);
        activity["deliveryMode"] = "expectReplies";

        using var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await RunningBot.ReadJsonAsync(response)).GetProperty("activities").EnumerateArray().Last();
        Assert.Contains(expected, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("long", "characters long; the limit is")]
    [InlineData("control", "control characters")]
    public async Task DirectLine_InvalidQuestion_RepliesWithValidationMessage(string kind, string expected)
    {
        var client = new DirectLineClient(_bot.Client);
        var (conversation, token) = await client.StartAsync();
        var text = kind == "long" ? new string('x', 5_000) : "Who\u0007 leads NATO?";

        using var post = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token,
            JsonSerializer.Serialize(new { type = "message", text }));
        var reply = await client.PollForAsync(conversation, token, a => DirectLineClient.IsBotMessage(a) && a.TryGetProperty("replyToId", out _));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(expected, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task DirectLine_LoneSurrogateInText_400WithReason()
    {
        var client = new DirectLineClient(_bot.Client);
        var (conversation, token) = await client.StartAsync();

        using var post = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token,
            "{\"type\":\"message\",\"text\":\"Who " + LoneSurrogate + "?\"}");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var error = (await DirectLineClient.ReadAsync(post)).GetProperty("error");
        Assert.Contains("not valid Unicode text", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineToken_LoneSurrogateInUserId_400WithReason()
    {
        using var response = await _bot.Client.PostAsync("/v3/directline/tokens/generate",
            new StringContent("{\"user\":{\"id\":\"u" + LoneSurrogate + "\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await DirectLineClient.ReadAsync(response)).GetProperty("error");
        Assert.Contains("not valid Unicode text", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackInvoke_Rejected_BodyStatusCodeMatches400()
    {
        using var response = await _bot.PostActivityAsync(ActivityBuilder.SubmitFeedback(_connector.ServiceUrl, "bad-fb", "msteams", "x", "meh", "{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await RunningBot.ReadJsonAsync(response)).GetProperty("statusCode").GetInt32());
    }
}

/// <summary>With authentication on, an oversized body is refused by its size before any token is looked at.</summary>
public sealed class AuthBodyLimitTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Messages_AuthOnOversizedBodyWithoutToken_413Not401(bool sized)
    {
        await using var bot = await RunningBot.StartAsync(Benchmarks.HostileBench.AuthSettings);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ActivityBuilder.Message("https://smba.trafficmanager.net/emea/", "big", new string('x', 400_000)));
        HttpContent content = sized ? new ByteArrayContent(bytes) { Headers = { ContentType = new("application/json") } } : new UnsizedContent(bytes);

        using var response = await bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", (await RunningBot.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
