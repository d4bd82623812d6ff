using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace NatoBriefBot.Channels.BotFramework.Auth;

/// <summary>The bearer token the bot presents to the Bot Connector service when it sends replies.</summary>
public interface IConnectorTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Gets the outbound token with MSAL: client credentials for MultiTenant/SingleTenant apps (authority per app type),
/// or the user-assigned managed identity for UserAssignedMSI. MSAL caches tokens and renews them before they expire.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly BotAuthOptions _options;
    private readonly Lazy<IConfidentialClientApplication> _confidential;
    private readonly Lazy<IManagedIdentityApplication> _managed;

    /// <param name="options">The app's credentials and authority.</param>
    /// <param name="httpClientFactory">MSAL's HTTP transport, when one is registered (e.g. behind a proxy); MSAL's own otherwise.</param>
    public MsalConnectorTokenProvider(IOptions<BotAuthOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _confidential = new(() =>
        {
            var customAuthority = !string.IsNullOrWhiteSpace(_options.ToChannelFromBotLoginUrl);
            var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
                .WithClientSecret(_options.MicrosoftAppPassword)
                .WithAuthority(_options.Authority, validateAuthority: !customAuthority);
            if (customAuthority)
            {
                builder = builder.WithInstanceDiscovery(false);
            }

            if (httpClientFactory is not null)
            {
                builder = builder.WithHttpClientFactory(httpClientFactory);
            }

            return builder.Build();
        });
        _managed = new(() => ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId)).Build());
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var resource = _options.ToChannelFromBotOAuthScope.TrimEnd('/');
        if (string.Equals(_options.MicrosoftAppType, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            var msi = await _managed.Value.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return msi.AccessToken;
        }

        var result = await _confidential.Value.AcquireTokenForClient([$"{resource}/.default"]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}
