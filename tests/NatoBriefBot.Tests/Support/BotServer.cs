using Microsoft.AspNetCore.Builder;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Tests.Support;

/// <summary>The real bot host on Kestrel at 127.0.0.1 with a free port, over a temp index holding the seeds.
/// Use as an xunit class fixture.</summary>
public sealed class BotServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    /// <summary>Arguments every test host starts with: a free loopback port, and logs kept off the console (the test run
    /// prints failures and its summary, not the errors tests provoke on purpose; a <see cref="LogRecorder"/> still sees them).</summary>
    public static readonly string[] HostArgs =
        ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogLevel:Default=None"];

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _app = BotHost.Build([.. HostArgs, "--Storage:DatabasePath=" + _folder.Combine("index.db")]);
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
