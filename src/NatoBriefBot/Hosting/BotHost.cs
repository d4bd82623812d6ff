using Microsoft.Extensions.Options;
using NatoBriefBot.Api;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Hosting;

/// <summary>The web host: JSON API, Bot Framework endpoint, Direct Line and the Web Chat page.</summary>
public static class BotHost
{
    /// <summary>Builds the web application. <paramref name="args"/> may override any configuration key
    /// (<c>--Storage:DatabasePath=...</c>) and the listening address (<c>--urls</c>).
    /// <paramref name="configureServices"/> runs after the standard registrations (e.g. to supply HTTP transports).</summary>
    public static WebApplication Build(string[] args, string? projectRoot = null, Action<IServiceCollection>? configureServices = null)
    {
        var root = projectRoot ?? ProjectPaths.FindRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = root,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        builder.UseLoopbackUnlessGiven();
        builder.Configuration.AddBotSettingAliases();
        builder.Services.AddBriefingEngine(builder.Configuration, root);
        builder.Services.AddLlmAnswering(builder.Configuration);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddRequestLimits();
        builder.Services.AddBotHealthChecks();
        builder.Services.AddBotTelemetry(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseIndexUnavailableResponses();
        app.UseIndexSnapshotPerRequest();
        app.UseFingerprintedAssets();
        app.UseDefaultFiles();
        app.UsePrecompressedStaticFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = FingerprintedAssets.SetCacheHeaders });
        app.UseWebSockets();
        app.UseRateLimiter();
        app.MapBotHealthChecks();
        app.MapAskApi();
        app.MapBotFramework();
        app.MapDirectLine();
        app.WarnWhenOpenWithoutAuth();
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // Until the bot listens, a failed start (e.g. the port is taken) is reported in one line by the command line rather
        // than logged with its stack trace; once it listens, these categories log as usual.
        var listening = new System.Runtime.CompilerServices.StrongBox<bool>();
        var app = Build(args, configureServices: s => s.AddHostedService<StartupWarmup>().AddLogging(b => b
            .AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level >= LogLevel.Warning && (listening.Value || level < LogLevel.Critical))
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (listening.Value || level < LogLevel.Error))));
        app.Lifetime.ApplicationStarted.Register(() => listening.Value = true);
        var startup = new StartupReport(Console.Out);
        try
        {
            await IngestSeedsAsync(app.Services, cancellationToken, startup).ConfigureAwait(false);
        }
        catch (Core.Storage.IndexUnavailableException ex)
        {
            // The bot still starts, so /healthz can report the problem to whoever watches it.
            app.Logger.LogError("{Problem} Until then /healthz reports the bot as unhealthy.", ex.Message);
        }

        startup.PrintWhenStarted(app);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Brings the index up to date with the seeds folder: a first start ingests it, later starts only
    /// pick up changed or new files (unchanged ones are skipped by content hash). <paramref name="progress"/>, when given, shows
    /// the progress.</summary>
    public static async Task IngestSeedsAsync(IServiceProvider services, CancellationToken cancellationToken, StartupReport? progress = null)
    {
        var seeds = services.GetRequiredService<EngineRoot>().Resolve(services.GetRequiredService<IOptions<IngestionOptions>>().Value.SeedsPath);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotHost));
        if (!string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<StorageOptions>>().Value.SnapshotFolder))
        {
            logger.LogInformation("Serving published index snapshots (Storage:SnapshotFolder); the seeds are not ingested here.");
            return;
        }

        if (!Directory.Exists(seeds))
        {
            logger.LogWarning("The seeds folder {Seeds} does not exist; the bot starts with the index as it is.", seeds);
            return;
        }

        progress?.IndexStarting(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath, seeds);
        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync([seeds], new IngestRunOptions(), progress, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Seeds: {Added} added, {Updated} updated, {Unchanged} unchanged, {Failed} failed.", report.Added, report.Updated, report.Unchanged, report.Failed.Count);
        foreach (var failure in report.Failed)
        {
            logger.LogWarning("Seed {File} was not ingested: {Reason}", failure.File, failure.Reason);
        }

        if (report.StaleAnalyzer > 0)
        {
            logger.LogWarning(
                "{Stale} briefings in the index were analyzed by an older version of the bot and are not in the seeds folder; ingest their folders again so their search terms are current.",
                report.StaleAnalyzer);
        }
    }
}
