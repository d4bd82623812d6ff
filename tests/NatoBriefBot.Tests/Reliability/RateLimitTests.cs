using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.DirectLine;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Per-client rate limits on /api/ask, Direct Line token minting and posting: 429 with Retry-After and a clear body.</summary>
public sealed class RateLimitTests
{
    private const int Permits = 3;

    private static Task<RunningBot> StartAsync() => RunningBot.StartAsync(
        $"--Limits:AskPerMinute={Permits}", $"--Limits:TokensPerMinute={Permits}", $"--Limits:PostsPerMinute={Permits}");

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
    }

    [Fact]
    public async Task Ask_MoreThanLimitPerMinute_429WithRetryAfter()
    {
        await using var bot = await StartAsync();
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "" });
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Who leads NATO?" });

        AssertRetryAfter(refused);
        Assert.Contains("Too many requests", (await RunningBot.ReadJsonAsync(refused)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineTokens_MoreThanLimitPerMinute_429WithRetryAfter()
    {
        await using var bot = await StartAsync();
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await bot.Client.PostAsync("/v3/directline/tokens/generate", null);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await bot.Client.PostAsync("/v3/directline/tokens/generate", null);

        AssertRetryAfter(refused);
        Assert.Equal("TooManyRequests", (await DirectLineClient.ReadAsync(refused)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task DirectLinePosts_MoreThanLimitPerMinute_429WithRetryAfter()
    {
        await using var bot = await StartAsync();
        var client = new DirectLineClient(bot.Client);
        var (conversation, token) = await client.StartAsync();
        var activity = JsonSerializer.Serialize(new { type = "message", text = "" });
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token, activity);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token, activity);

        AssertRetryAfter(refused);
        Assert.Equal("TooManyRequests", (await DirectLineClient.ReadAsync(refused)).GetProperty("error").GetProperty("code").GetString());
    }
}
