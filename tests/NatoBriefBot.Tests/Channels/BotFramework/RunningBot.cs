using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Hosting;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>The real bot host on 127.0.0.1 with an ephemeral port and a temporary SQLite file.</summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private RunningBot(WebApplication app, string folder, Uri baseAddress)
    {
        _app = app;
        _folder = folder;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public string DatabasePath => Path.Combine(_folder, "bot.db");

    public IServiceProvider Services => _app.Services;

    public static Task<RunningBot> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    public static async Task<RunningBot> StartAsync(Action<IServiceCollection>? configureServices, params string[] extraArgs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "natobriefbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string[] args = [.. BotServer.HostArgs, $"--Storage:DatabasePath={Path.Combine(folder, "bot.db")}", .. extraArgs];
        var app = BotHost.Build(args, configureServices: configureServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningBot(app, folder, new Uri(address));
    }

    /// <summary>Ingests the shipped seeds into this bot's database.</summary>
    public async Task IngestSeedsAsync()
    {
        var seeds = Path.Combine(NatoBriefBot.Core.ProjectPaths.FindRoot(), "seeds");
        await Services.GetRequiredService<IngestionPipeline>().IngestAsync([seeds], new IngestRunOptions());
    }

    /// <summary>Posts <paramref name="activity"/> to <c>/api/messages</c> and waits until the bot has finished every turn it
    /// runs in the background, so its replies have reached the fake connector.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(object activity, string? bearer = null)
    {
        var response = await PostActivityNoWaitAsync(activity, bearer);
        await TurnsFinishedAsync();
        return response;
    }

    /// <summary>Waits until no message turn is queued or running.</summary>
    public async Task TurnsFinishedAsync()
    {
        var turns = Services.GetRequiredService<BackgroundTurns>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (turns.Unfinished > 0)
        {
            await Task.Delay(20, limit.Token);
        }
    }

    /// <summary>Posts <paramref name="activity"/> and returns as soon as <c>/api/messages</c> answers.</summary>
    public async Task<HttpResponseMessage> PostActivityNoWaitAsync(object activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
