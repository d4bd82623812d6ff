using Microsoft.Extensions.Options;

namespace NatoBriefBot.Channels.BotFramework.Auth;

/// <summary>
/// Bot Framework authentication settings, read from the configuration root with the SDK's key names
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, ...).
/// An empty <see cref="MicrosoftAppId"/> turns authentication off (the Emulator's local mode).
/// </summary>
public sealed class BotAuthOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>Empty (as the official samples ship it) means <see cref="MultiTenant"/>, as in the Bot Framework SDK.</summary>
    public string MicrosoftAppType
    {
        get;
        set => field = string.IsNullOrWhiteSpace(value) ? MultiTenant : value.Trim();
    } = MultiTenant;
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata for tokens the Bot Connector service sends.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for tokens the Bot Framework Emulator sends.</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>Connect and read timeout of one OpenID metadata or key-set fetch.</summary>
    public double OpenIdMetadataTimeoutSeconds { get; set; } = 5;

    /// <summary>Least time between two metadata fetches: after a failure (requests fail at once meanwhile) and when a token
    /// names a key the metadata lacks.</summary>
    public double OpenIdMetadataRetrySeconds { get; set; } = 30;

    /// <summary>Age at which good metadata is refreshed in the background (the old keys serve until the new ones arrive).</summary>
    public double OpenIdMetadataRefreshHours { get; set; } = 24;

    /// <summary>Overrides the authority the bot gets its outbound token from (default: per app type).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>The resource the outbound token is for.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    public bool IsAuthEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The authority for the outbound client-credentials token.</summary>
    public string Authority => !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
        ? ToChannelFromBotLoginUrl
        : string.Equals(MicrosoftAppType, SingleTenant, StringComparison.OrdinalIgnoreCase)
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}"
            : "https://login.microsoftonline.com/botframework.com";
}

/// <summary>Start-up checks of <see cref="BotAuthOptions"/>, with the configuration keys to fix in each message.</summary>
public sealed class BotAuthOptionsValidator : IValidateOptions<BotAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = options.MicrosoftAppType;
        if (!string.Equals(type, BotAuthOptions.MultiTenant, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(type, BotAuthOptions.SingleTenant, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(type, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"MicrosoftAppType '{type}' is not known: use MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        if (!options.IsAuthEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var isMsi = string.Equals(type, BotAuthOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
        var isSingle = string.Equals(type, BotAuthOptions.SingleTenant, StringComparison.OrdinalIgnoreCase);
        if ((isMsi || isSingle) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            failures.Add($"MicrosoftAppType {type} needs MicrosoftAppTenantId (the Azure AD tenant of the bot's app registration).");
        }

        if (!isMsi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add($"MicrosoftAppType {type} with MicrosoftAppId set needs MicrosoftAppPassword (the app registration's client secret).");
        }

        if (isMsi && !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppType UserAssignedMSI uses a managed identity: leave MicrosoftAppPassword empty.");
        }

        foreach (var (key, value, min, max) in new[]
                 {
                     ("OpenIdMetadataTimeoutSeconds", options.OpenIdMetadataTimeoutSeconds, 0.1, 120.0),
                     ("OpenIdMetadataRetrySeconds", options.OpenIdMetadataRetrySeconds, 0.0, 3600.0),
                     ("OpenIdMetadataRefreshHours", options.OpenIdMetadataRefreshHours, 0.01, 168.0),
                 })
        {
            if (!(value >= min && value <= max))
            {
                failures.Add($"{key} must be between {min} and {max}.");
            }
        }

        foreach (var (key, url) in new[]
                 {
                     ("ToBotFromChannelOpenIdMetadataUrl", options.ToBotFromChannelOpenIdMetadataUrl),
                     ("ToBotFromEmulatorOpenIdMetadataUrl", options.ToBotFromEmulatorOpenIdMetadataUrl),
                 })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                failures.Add($"{key} must be an https URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
