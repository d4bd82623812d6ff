using System.Net;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>One identity server and one bot with authentication on, shared by the authentication tests.</summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";

    internal FakeIdentityServer Identity { get; private set; } = null!;

    internal RunningBot Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Identity = await FakeIdentityServer.StartAsync();
        Bot = await RunningBot.StartAsync(
            $"--MicrosoftAppId={AppId}",
            "--MicrosoftAppPassword=not-a-real-secret",
            $"--ToBotFromChannelOpenIdMetadataUrl={Identity.ChannelMetadataUrl}",
            $"--ToBotFromEmulatorOpenIdMetadataUrl={Identity.EmulatorMetadataUrl}");
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

public sealed class AuthenticationTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private const string AppId = AuthenticatedBotFixture.AppId;
    private const string Connector = "https://api.botframework.com";
    private readonly FakeIdentityServer _identity = fixture.Identity;
    private readonly RunningBot _bot = fixture.Bot;
    private readonly string _serviceUrl = "https://smba.trafficmanager.net/emea/";

    private Dictionary<string, object?> ExpectRepliesMessage(string channelId = "msteams")
    {
        var activity = ActivityBuilder.Message(_serviceUrl, "auth-conv", "Hello?", channelId);
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private string ChannelToken(string kid = FakeIdentityServer.EndorsedKid, string issuer = Connector, string audience = AppId,
        int minutes = 60, string? serviceUrl = null) =>
        _identity.Token(kid, issuer, audience, TimeSpan.FromMinutes(minutes), new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? _serviceUrl });

    [Fact]
    public async Task Post_ValidBotConnectorToken_IsAccepted()
    {
        var response = await _bot.PostActivityAsync(ExpectRepliesMessage(), ChannelToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await RunningBot.ReadJsonAsync(response)).GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task Post_ValidEmulatorV1Token_IsAccepted()
    {
        var token = _identity.Token(FakeIdentityServer.EmulatorKid, FakeIdentityServer.EmulatorIssuerV1, AppId, TimeSpan.FromMinutes(60),
            new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId });

        var response = await _bot.PostActivityAsync(ExpectRepliesMessage("emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RejectedTokens() => new()
    {
        "expired",
        "wrong audience",
        "wrong issuer",
        "serviceurl mismatch",
        "key not endorsed for channel",
        "unknown key",
        "missing header",
        "not a jwt",
        "emulator token without appid",
        "emulator v2 token for another app",
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Post_BadOrMissingToken_Returns401(string @case)
    {
        string? token = @case switch
        {
            "expired" => ChannelToken(minutes: -10),
            "wrong audience" => ChannelToken(audience: "11111111-2222-3333-4444-555555555555"),
            "wrong issuer" => ChannelToken(issuer: "https://evil.example.com"),
            "serviceurl mismatch" => ChannelToken(serviceUrl: "https://attacker.example.com/"),
            "key not endorsed for channel" => ChannelToken(kid: FakeIdentityServer.SkypeOnlyKid),
            "unknown key" => ChannelToken(kid: "unpublished-key"),
            "missing header" => null,
            "not a jwt" => "definitely-not-a-token",
            "emulator token without appid" => _identity.Token(FakeIdentityServer.EmulatorKid, FakeIdentityServer.EmulatorIssuerV1, AppId,
                TimeSpan.FromMinutes(60), new Dictionary<string, object> { ["ver"] = "1.0" }),
            "emulator v2 token for another app" => _identity.Token(FakeIdentityServer.EmulatorKid, FakeIdentityServer.EmulatorIssuerV2, AppId,
                TimeSpan.FromMinutes(60), new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = "someone-else" }),
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var response = await _bot.PostActivityAsync(ExpectRepliesMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("activities", body, StringComparison.Ordinal);
        if (token is not null)
        {
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_SingleTenantWithoutTenantId_FailsNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync(
            "--MicrosoftAppType=SingleTenant", $"--MicrosoftAppId={AppId}", "--MicrosoftAppPassword=x"));

        Assert.Contains("MicrosoftAppTenantId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAppId_AuthIsOff()
    {
        var options = new BotAuthOptions();

        Assert.False(options.IsAuthEnabled);
        Assert.True(new BotAuthOptionsValidator().Validate(null, options).Succeeded);
    }
}
