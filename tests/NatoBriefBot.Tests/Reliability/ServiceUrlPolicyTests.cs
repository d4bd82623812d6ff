using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Without authentication the bot replies only to loopback service URLs (or configured hosts), never along
/// <c>..</c> segments, and warns loudly when it listens beyond loopback.</summary>
public sealed class ServiceUrlPolicyTests : BotWithConnectorTestBase
{
    private static Dictionary<string, object?> ExpectReplies(string serviceUrl, string conversation)
    {
        var activity = ActivityBuilder.Message(serviceUrl, conversation, "Who leads NATO?");
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    [Theory]
    [InlineData("https://attacker.example.com/")]
    [InlineData("http://10.1.2.3:8080/api/")]
    public async Task Messages_NoAuthServiceUrlNotLoopback_400WithWhatToConfigure(string serviceUrl)
    {
        using var response = await Bot.PostActivityAsync(ActivityBuilder.Message(serviceUrl, "remote-1", "Who leads NATO?"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bot:AllowedServiceUrlHosts", (await RunningBot.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/a/../")]
    [InlineData("/a/%2e%2e/b/")]
    [InlineData("/./")]
    [InlineData("/?next=/")]
    public async Task Messages_ServiceUrlWithDotSegmentsOrQuery_400AndNothingSent(string path)
    {
        var serviceUrl = Connector.ServiceUrl.TrimEnd('/') + path;

        using var response = await Bot.PostActivityAsync(ActivityBuilder.Message(serviceUrl, "dots-1", "Who leads NATO?"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", (await RunningBot.ReadJsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(Connector.Posts);
    }

    [Fact]
    public async Task Messages_NoAuthLoopbackServiceUrl_Answered()
    {
        using var response = await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "local-1", "Who leads NATO?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Connector.For("local-1").Count);
    }

    [Fact]
    public async Task Messages_NoAuthConfiguredHost_Accepted()
    {
        await using var bot = await RunningBot.StartAsync("--Bot:AllowedServiceUrlHosts:0=smba.trafficmanager.net");

        using var response = await bot.PostActivityAsync(ExpectReplies("https://smba.trafficmanager.net/emea/", "allowed-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0", true)]
    [InlineData("http://127.0.0.1:0", false)]
    public async Task Start_NoAuth_WarnsOnlyWhenListeningBeyondLoopback(string urls, bool warned)
    {
        var logs = new LogRecorder();
        await using var bot = await RunningBot.StartAsync(services => services.AddSingleton<ILoggerProvider>(logs), "--urls", urls);

        Assert.Equal(warned, logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("WITHOUT AUTHENTICATION", StringComparison.Ordinal)));
    }
}
