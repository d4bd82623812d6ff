using Microsoft.AspNetCore.Builder;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Tests.Support;

/// <summary>The real bot host on Kestrel at 127.0.0.1 with a free port, over a temp index holding the seeds.
/// Use as an xunit class fixture.</summary>
public sealed class BotServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:DatabasePath=" + _folder.Combine("index.db"), "--Logging:LogLevel:Default=Warning"]);
        await BotHost.IngestSeedsAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _folder.Dispose();
    }
}
