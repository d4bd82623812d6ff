using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Llm;

namespace NatoBriefBot.Cli;

/// <summary>Configuration, services and shared options for the verbs.</summary>
internal static class CliServices
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Option<string?> DbOption() => new("--db") { Description = "The index file (default: Storage:DatabasePath in appsettings.json, data/briefings.db)." };

    /// <summary>Refuses values of <paramref name="argument"/> that look like options (a mistyped option would otherwise be
    /// taken as a question, a briefing or a path); an existing file of that name is still accepted.</summary>
    public static T RefuseOptionLike<T>(T argument)
        where T : Argument
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            var unknown = result.Tokens.Select(t => t.Value).FirstOrDefault(v => v.StartsWith('-') && v.Length > 1 && !File.Exists(v) && !Directory.Exists(v));
            if (unknown is not null)
            {
                result.AddError($"Unknown option '{unknown}'.");
            }
        });
        return argument;
    }

    /// <summary>Refuses values of <paramref name="option"/> below <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(Option<int> option, int minimum)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum}.");
            }
        });
        return option;
    }

    /// <summary>--db for verbs that only read the index: a file that does not exist is refused (not created empty).</summary>
    public static Option<string?> ExistingDbOption()
    {
        var option = DbOption();
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: > 0 } path && !File.Exists(path))
            {
                result.AddError($"The index '{Path.GetFullPath(path)}' does not exist. Check the path, or create it with: dotnet run --project src/NatoBriefBot -- ingest --db {path}");
            }
        });
        return option;
    }

    /// <summary>The engine's services as configured by appsettings.json, environment variables and <paramref name="db"/>.</summary>
    public static ServiceProvider Build(string? db, IDictionary<string, string?>? settings = null)
    {
        var root = ProjectPaths.FindRoot();
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (!string.IsNullOrWhiteSpace(db))
        {
            overrides["Storage:DatabasePath"] = Path.GetFullPath(db);
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile(ProjectPaths.SettingsFile, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBriefingEngine(configuration, root);
        services.AddLlmAnswering(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Before answering from an empty index: with the default index, ingest the seeds (as the bot does on its first start);
    /// with an index given by --db, say how to fill it.
    /// </summary>
    public static async Task EnsureIndexAsync(IServiceProvider services, string? db, CancellationToken ct)
    {
        if (services.GetRequiredService<Core.Storage.BriefingStore>().ListBriefings().Count > 0)
        {
            return;
        }

        if (db is not null)
        {
            await Console.Error.WriteLineAsync($"The index '{db}' is empty: ingest briefings into it first, e.g. ingest seeds --db {db}").ConfigureAwait(false);
            return;
        }

        await Console.Error.WriteLineAsync("The index is empty; ingesting the seeds first (as the bot does on its first start).").ConfigureAwait(false);
        await Hosting.BotHost.IngestSeedsAsync(services, ct).ConfigureAwait(false);
    }

    /// <summary>Runs a verb body, turning the engine's user-facing errors into a message and exit code 1 (never a stack trace).</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (BriefBotException ex)
        {
            await Console.Error.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("Configuration error in appsettings.json: " + string.Join(" ", ex.Failures)).ConfigureAwait(false);
            return 2;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"Error: the index could not be read or written ({ex.Message}). If this repeats, move the index file away and ingest again.").ConfigureAwait(false);
            return 1;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"Error: the port is already in use ({ex.Message.TrimEnd('.')}). Stop the program using it, or start the bot on another port: --urls http://localhost:3979 (or set Bot:Port).").ConfigureAwait(false);
            return 1;
        }
    }
}
