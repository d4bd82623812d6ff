using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace NatoBriefBot.Channels.BotFramework.Auth;

/// <summary>Whether an inbound request is authenticated, and if not, why (never the token itself).</summary>
public sealed record TokenCheck(bool IsValid, string? Reason)
{
    public static TokenCheck Valid { get; } = new(true, null);

    public static TokenCheck Invalid(string reason) => new(false, reason);
}

/// <summary>
/// Validates the JWT on an inbound activity as the Bot Framework SDK does: Bot Connector tokens (issuer
/// https://api.botframework.com, audience = app id, a signing key endorsed for the activity's channel, a
/// <c>serviceurl</c> claim equal to the activity's serviceUrl) and Emulator tokens (Azure AD issuers of the Emulator's
/// tenants or the bot's tenant, with the <c>appid</c> (v1) or <c>azp</c> (v2) claim equal to the app id).
/// Signing keys come from the OpenID metadata, cached and refreshed by an <see cref="OpenIdMetadataCache"/> per metadata URL.
/// </summary>
public sealed class BotTokenValidator
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly string[] EmulatorTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "cab8a31a-1906-4287-a0d8-4eef66b95f6e"];

    private readonly BotAuthOptions _options;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _clock;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, Lazy<OpenIdMetadataCache>> _metadata = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emulatorIssuers;

    public BotTokenValidator(IOptions<BotAuthOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<BotTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _httpClients = httpClients;
        _clock = clock;
        _logger = logger;
        var tenants = EmulatorTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            tenants = tenants.Append(_options.MicrosoftAppTenantId);
        }

        _emulatorIssuers = tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0", $"https://login.microsoftonline.us/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Checks the <c>Authorization</c> header of an activity from <paramref name="channelId"/> at <paramref name="serviceUrl"/>.</summary>
    public async Task<TokenCheck> ValidateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("no Bearer token in the Authorization header");
        }

        var raw = authorization["Bearer ".Length..].Trim();
        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Invalid("the bearer token is not a JWT");
        }

        return _emulatorIssuers.Contains(unvalidated.Issuer)
            ? await ValidateEmulatorAsync(raw, cancellationToken).ConfigureAwait(false)
            : await ValidateChannelAsync(raw, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenCheck> ValidateChannelAsync(string raw, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var metadata = Metadata(_options.ToBotFromChannelOpenIdMetadataUrl);
        var (result, config, failure) = await ValidateSignedAsync(raw, metadata, [BotConnectorIssuer], [_options.MicrosoftAppId!], cancellationToken)
            .ConfigureAwait(false);
        if (result is null)
        {
            return TokenCheck.Invalid(failure!);
        }

        var token = (JsonWebToken)result.SecurityToken;
        var key = config!.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
        if (string.IsNullOrEmpty(channelId) || key is null || !Endorsements(key).Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid($"the signing key is not endorsed for channel '{channelId}'");
        }

        var claim = token.TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        if (string.IsNullOrEmpty(claim) || !string.Equals(claim.TrimEnd('/'), serviceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return TokenCheck.Valid;
    }

    private async Task<TokenCheck> ValidateEmulatorAsync(string raw, CancellationToken cancellationToken)
    {
        var metadata = Metadata(_options.ToBotFromEmulatorOpenIdMetadataUrl);
        // The Emulator's token is issued for the Bot Framework API or for the app itself; the app id claim says whose it is.
        var (result, _, failure) = await ValidateSignedAsync(raw, metadata, _emulatorIssuers, [_options.MicrosoftAppId!, BotConnectorIssuer], cancellationToken)
            .ConfigureAwait(false);
        if (result is null)
        {
            return TokenCheck.Invalid(failure!);
        }

        var token = (JsonWebToken)result.SecurityToken;
        var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : "1.0";
        var claimName = version == "2.0" ? "azp" : "appid";
        var appId = token.TryGetPayloadValue<string>(claimName, out var id) ? id : null;
        if (string.IsNullOrEmpty(appId))
        {
            return TokenCheck.Invalid($"the Emulator token has no '{claimName}' claim");
        }

        return string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase)
            ? TokenCheck.Valid
            : TokenCheck.Invalid($"the Emulator token's '{claimName}' claim is not this bot's app id");
    }

    private async Task<(TokenValidationResult? Result, OpenIdConnectConfiguration? Config, string? Failure)> ValidateSignedAsync(
        string raw, OpenIdMetadataCache metadata, IEnumerable<string> issuers, IEnumerable<string> audiences,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration config;
        try
        {
            config = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return (null, null, ex.Message);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {

            var parameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudiences = audiences,
                IssuerSigningKeys = config.SigningKeys,
                ValidAlgorithms = Algorithms,
                ClockSkew = ClockSkew,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
            };
            var result = await _handler.ValidateTokenAsync(raw, parameters).ConfigureAwait(false);
            if (result.IsValid)
            {
                return (result, config, null);
            }

            if (attempt == 0 && result.Exception is SecurityTokenSignatureKeyNotFoundException &&
                await metadata.RefreshAsync(cancellationToken).ConfigureAwait(false) is { } refreshed && !ReferenceEquals(refreshed, config))
            {
                config = refreshed;
                continue;
            }

            return (null, null, Describe(result.Exception));
        }

        return (null, null, "the token is signed with an unknown key");
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token is for another audience",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not allowed",
        null => "the token is invalid",
        _ => $"the token is invalid ({ex.GetType().Name})",
    };

    private static IEnumerable<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<object> list => list.Select(o => o?.ToString() ?? ""),
            string single => [single],
            _ => [],
        };
    }

    private OpenIdMetadataCache Metadata(string url) =>
        _metadata.GetOrAdd(url, u => new Lazy<OpenIdMetadataCache>(() => new OpenIdMetadataCache(
            u,
            _httpClients.CreateClient(nameof(BotTokenValidator)),
            TimeSpan.FromSeconds(_options.OpenIdMetadataRetrySeconds),
            TimeSpan.FromHours(_options.OpenIdMetadataRefreshHours),
            _clock,
            _logger))).Value;
}
