using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Support;

/// <summary>
/// The engine's services built the way the CLI builds them (src/NatoBriefBot/Cli/CliServices.cs): the project's
/// appsettings.json, environment variables, then in-memory overrides such as the temp database path.
/// </summary>
public static class TestEngine
{
    public static string Root { get; } = ProjectPaths.FindRoot();

    public static string SeedsFolder => Path.Combine(Root, "seeds");

    /// <summary>The project's settings without test overrides.</summary>
    public static IConfiguration Settings { get; } = new ConfigurationBuilder()
        .SetBasePath(Root)
        .AddJsonFile(ProjectPaths.SettingsFile, optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static ServiceProvider Build(string databasePath, IDictionary<string, string?>? overrides = null, TimeProvider? clock = null)
    {
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>())
        {
            ["Storage:DatabasePath"] = databasePath,
        };
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Root)
            .AddJsonFile(ProjectPaths.SettingsFile, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddBriefingEngine(configuration, Root);
        services.AddLlmAnswering(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Ingests the shipped seeds into the engine's index.</summary>
    public static Task<IngestReport> IngestSeedsAsync(IServiceProvider services) =>
        services.GetRequiredService<IngestionPipeline>().IngestAsync([SeedsFolder], new IngestRunOptions());
}
