using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.BotFramework.Auth;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public sealed class OutboundAuthTests : IAsyncLifetime
{
    private const string AppId = "0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11";
    private FakeIdentityServer _identity = null!;
    private FakeTokenServer _sts = null!;
    private FakeConnector _connector = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeIdentityServer.StartAsync();
        _sts = await FakeTokenServer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = await RunningBot.StartAsync(
            services => services.AddSingleton(_sts.HttpClientFactory),
            $"--MicrosoftAppId={AppId}",
            "--MicrosoftAppPassword=not-a-real-secret",
            $"--ToBotFromChannelOpenIdMetadataUrl={_identity.ChannelMetadataUrl}",
            $"--ToChannelFromBotLoginUrl={_sts.Authority}");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _sts.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task PostMessage_AuthOn_RepliesCarryTheMsalTokenForTheBotFrameworkScope()
    {
        var token = _identity.Token(FakeIdentityServer.EndorsedKid, "https://api.botframework.com", AppId, TimeSpan.FromMinutes(60),
            new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl });

        var first = await _bot.PostActivityAsync(ActivityBuilder.Message(_connector.ServiceUrl, "secure-1", "Hello?", "msteams"), token);
        var second = await _bot.PostActivityAsync(ActivityBuilder.Message(_connector.ServiceUrl, "secure-2", "Hello again?", "msteams"), token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var posts = _connector.Posts.ToList();
        Assert.Equal(4, posts.Count);
        Assert.All(posts, p => Assert.Equal($"Bearer {FakeTokenServer.AccessToken}", p.Authorization));
        var request = Assert.Single(_sts.TokenRequests);
        Assert.Equal(("client_credentials", AppId, "https://api.botframework.com/.default"),
            (request["grant_type"], request["client_id"], request["scope"]));
    }

    [Fact]
    public async Task Send_ToServiceUrlNotFromAnAuthenticatedActivity_RefusesAndSendsNothing()
    {
        var tokens = new MsalConnectorTokenProvider(Options.Create(new BotAuthOptions
        {
            MicrosoftAppId = AppId, MicrosoftAppPassword = "x", ToChannelFromBotLoginUrl = _sts.Authority,
        }), _sts.HttpClientFactory);
        using var http = new HttpClient();
        var sender = new ConnectorActivitySender(http, tokens, new TrustedServiceUrls());
        var activity = new Activity { Type = "message", Text = "hi", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount { Id = "c" } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(activity, CancellationToken.None));

        Assert.Empty(_connector.Posts);
        Assert.Empty(_sts.TokenRequests);
    }
}
