using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>
/// Stands in for login.botframework.com and the Emulator's Azure AD tenant: serves OpenID metadata and JWKS (with the
/// Bot Framework's <c>endorsements</c>) from local Kestrel, and signs tokens with RSA keys generated per test run.
/// </summary>
internal sealed class FakeIdentityServer : IAsyncDisposable
{
    public const string EndorsedKid = "endorsed-key";
    public const string SkypeOnlyKid = "skype-only-key";
    public const string EmulatorKid = "emulator-key";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly WebApplication _app;
    private readonly Dictionary<string, RSA> _keys = new()
    {
        [EndorsedKid] = RSA.Create(2048),
        [SkypeOnlyKid] = RSA.Create(2048),
        [EmulatorKid] = RSA.Create(2048),
        ["unpublished-key"] = RSA.Create(2048),
    };

    private FakeIdentityServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => $"{BaseUrl}/channel/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => $"{BaseUrl}/emulator/.well-known/openid-configuration";

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new FakeIdentityServer(app);
        app.MapGet("/channel/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = "https://api.botframework.com",
            authorization_endpoint = "https://invalid.botframework.com",
            jwks_uri = $"{server.BaseUrl}/channel/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/channel/keys", () => Results.Json(new
        {
            keys = new[]
            {
                server.Jwk(EndorsedKid, ["msteams", "emulator", "webchat", "directline"]),
                server.Jwk(SkypeOnlyKid, ["skype"]),
            },
        }));
        app.MapGet("/emulator/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = "https://login.microsoftonline.com/{tenantid}/v2.0",
            jwks_uri = $"{server.BaseUrl}/emulator/keys",
        }));
        app.MapGet("/emulator/keys", () => Results.Json(new { keys = new[] { server.Jwk(EmulatorKid, null) } }));
        await app.StartAsync();
        server.BaseUrl = LoopbackApp.AddressOf(app);
        return server;
    }

    /// <summary>A signed JWT. <paramref name="lifetime"/> may be negative for an expired token.</summary>
    public string Token(string kid, string issuer, string audience, TimeSpan lifetime, IDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-30),
            NotBefore = now.AddMinutes(-30),
            Expires = now.Add(lifetime),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[kid]) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private object Jwk(string kid, string[]? endorsements)
    {
        var p = _keys[kid].ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
