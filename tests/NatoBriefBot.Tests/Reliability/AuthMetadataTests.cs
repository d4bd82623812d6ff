using System.Net;
using Microsoft.Extensions.Options;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>
/// When the OpenID metadata host hangs: requests fail after a short timeout together (one fetch, not one after another),
/// the failure is remembered briefly, and keys fetched earlier keep working.
/// </summary>
public sealed class AuthMetadataTests
{
    private const string AppId = AuthenticatedBotFixture.AppId;
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static Task<RunningBot> StartBotAsync(FakeIdentityServer identity, MetadataGate gate, params string[] extra) => RunningBot.StartAsync(
        [
            $"--MicrosoftAppId={AppId}",
            "--MicrosoftAppPassword=not-a-real-secret",
            $"--ToBotFromChannelOpenIdMetadataUrl={gate.Url}",
            $"--ToBotFromEmulatorOpenIdMetadataUrl={identity.EmulatorMetadataUrl}",
            "--OpenIdMetadataTimeoutSeconds=1",
            .. extra,
        ]);

    private static Dictionary<string, object?> Activity(string conversation)
    {
        var activity = ActivityBuilder.Message(ServiceUrl, conversation, "Hello?", "msteams");
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private static string Token(FakeIdentityServer identity, string kid = FakeIdentityServer.EndorsedKid) =>
        identity.Token(kid, "https://api.botframework.com", AppId, TimeSpan.FromMinutes(60), new Dictionary<string, object> { ["serviceurl"] = ServiceUrl });

    [Fact]
    public async Task Messages_MetadataHostHangs_ConcurrentRequestsShareOneFetchAndTheFailureIsCached()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        await using var gate = await MetadataGate.StartAsync(identity.ChannelMetadataUrl);
        gate.Hang = true;
        // On a busy machine (the whole suite running, start-up, JIT) a one-second timeout can end the fetch before it
        // reaches the gate at all; three seconds leave it room, and the hanging fetch still ends at that timeout.
        await using var bot = await StartBotAsync(identity, gate, "--OpenIdMetadataTimeoutSeconds=3");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => bot.PostActivityAsync(Activity($"hang-{i}"), Token(identity))));
        using var later = await bot.PostActivityAsync(Activity("hang-later"), Token(identity));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, later.StatusCode);
        Assert.Equal(1, gate.Requests);
    }

    [Fact]
    public async Task Messages_MetadataRefreshHangs_LastGoodKeysKeepWorking()
    {
        await using var identity = await FakeIdentityServer.StartAsync();
        await using var gate = await MetadataGate.StartAsync(identity.ChannelMetadataUrl);
        // A first fetch on a busy machine can take over a second (start-up, JIT): give the good fetch room; the hanging
        // one still ends at this timeout.
        await using var bot = await StartBotAsync(identity, gate, "--OpenIdMetadataRetrySeconds=0", "--OpenIdMetadataTimeoutSeconds=5");
        using var first = await bot.PostActivityAsync(Activity("good-1"), Token(identity));
        gate.Hang = true;

        // A key the metadata does not list makes the bot look again; that fetch hangs.
        using var unknownKey = await bot.PostActivityAsync(Activity("unknown-key"), Token(identity, "unpublished-key"));
        using var afterFailure = await bot.PostActivityAsync(Activity("good-2"), Token(identity));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterFailure.StatusCode);
        Assert.Equal(2, gate.Requests);
    }

    [Theory]
    [InlineData("OpenIdMetadataTimeoutSeconds", "0")]
    [InlineData("OpenIdMetadataRetrySeconds", "-1")]
    [InlineData("OpenIdMetadataRefreshHours", "1000")]
    public async Task Start_MetadataSettingOutOfRange_FailsNamingTheSetting(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync(
            $"--MicrosoftAppId={AppId}", "--MicrosoftAppPassword=x", $"--{key}={value}"));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
