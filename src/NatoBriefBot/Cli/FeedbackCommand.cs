using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.State;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Cli;

/// <summary><c>feedback export [--db FILE] [--redis HOST:PORT] [--out FILE]</c>: every piece of stored feedback, oldest first, as
/// JSON lines; from Redis when <c>ConnectionStrings:Redis</c> (or <c>--redis</c>) names one, else from the index file.</summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var db = CliServices.DbOption();
        var redis = new Option<string?>("--redis") { Description = "Redis to read from, host:port (default: ConnectionStrings:Redis; empty reads the index file)." };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Write all stored feedback (with the question and answer it is about) as JSON lines, oldest first.") { db, redis, output };
        export.SetAction((parse, ct) => CliServices.RunAsync(async () =>
        {
            var settings = new Dictionary<string, string?>();
            if (parse.GetValue(redis) is { Length: > 0 } connection)
            {
                settings[SharedStateOptions.ConnectionStringKey] = connection;
            }

            using var services = CliServices.Build(parse.GetValue(db), settings);
            var store = Store(services);
            var all = await store.ListAsync(int.MaxValue, ct).ConfigureAwait(false);
            var target = parse.GetValue(output);
            await using var writer = target is null ? Console.Out : new StreamWriter(target);
            foreach (var item in all.Reverse())
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(item, CliServices.Json)).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"{all.Count} feedback entries exported.").ConfigureAwait(false);
            return 0;
        }));
        return new Command("feedback", "Stored user feedback.") { export };
    }

    private static IFeedbackStore Store(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<SharedStateOptions>>().Value.IsEnabled)
        {
            return new RedisFeedbackStore(services.GetRequiredService<RedisState>(), TimeProvider.System);
        }

        var path = services.GetRequiredService<EngineRoot>().Resolve(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
        return File.Exists(path)
            ? new FeedbackStore(path)
            : throw new BriefBotException($"The index '{path}' does not exist, so there is no feedback to export. Pass --db FILE or --redis HOST:PORT.");
    }
}
