using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>
/// Stands in for Azure AD's token endpoint (<c>POST {tenant}/oauth2/v2.0/token</c>, client credentials) over HTTPS with a
/// self-signed certificate; <see cref="HttpClientFactory"/> gives MSAL a transport that trusts exactly that certificate.
/// </summary>
internal sealed class FakeTokenServer : IAsyncDisposable
{
    public const string AccessToken = "connector-token-from-local-sts";
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private FakeTokenServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
        HttpClientFactory = new TrustingFactory(certificate);
    }

    public string Authority { get; private set; } = "";

    /// <summary>The form fields of every token request, e.g. client_id, scope, grant_type.</summary>
    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    public IMsalHttpClientFactory HttpClientFactory { get; }

    public static async Task<FakeTokenServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTokenServer(app, certificate);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            server.TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken });
        });
        await app.StartAsync();
        var address = LoopbackApp.AddressOf(app);
        server.Authority = $"{address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)}/botframework.com";
        return server;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private sealed class TrustingFactory(X509Certificate2 certificate) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        });

        public HttpClient GetHttpClient() => _client;
    }
}
