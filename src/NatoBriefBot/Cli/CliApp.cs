using System.CommandLine;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Cli;

/// <summary>The command line: with no verb it runs the bot; verbs ingest, inspect, ask, evaluate and benchmark.</summary>
public static class CliApp
{
    private const string Usage = "Usage: dotnet run --project src/NatoBriefBot -- [VERB] [options]   (--help lists the verbs)";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("NatoBriefBot: cited answers about NATO defence briefings. With no verb, starts the bot on http://localhost:3978; " +
            "options are then configuration keys, e.g. --urls http://localhost:3979 or --Storage:DatabasePath=data/other.db.");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        // Bot starts are recognized before parsing (their options are configuration keys); the action makes the verb optional.
        root.SetAction((parse, ct) => CliServices.RunAsync(() => BotHost.RunAsync([], ct)));
        if (ServerArguments.IsServerRun(args, root))
        {
            if (ServerArguments.Problem(args) is { } problem)
            {
                return await UsageErrorAsync(problem).ConfigureAwait(false);
            }

            return await CliServices.RunAsync(() => BotHost.RunAsync(ServerArguments.WithDatabase(args), CancellationToken.None)).ConfigureAwait(false);
        }

        if (!args[0].StartsWith('-') && !root.Subcommands.Any(c => c.Name == args[0]))
        {
            var closest = ServerArguments.Closest(args[0], root.Subcommands.Select(c => c.Name));
            return await UsageErrorAsync($"Unknown verb '{args[0]}'.{(closest is null ? string.Empty : $" Did you mean '{closest}'?")} Verbs: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.").ConfigureAwait(false);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"See: dotnet run --project src/NatoBriefBot -- {CommandPath(parsed.CommandResult)}--help").ConfigureAwait(false);
            return 2;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>"bench query " for the command the user ran ("" for the root).</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (; result?.Parent is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name + " ");
        }

        return string.Concat(names);
    }

    private static async Task<int> UsageErrorAsync(string message)
    {
        await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
        await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return IngestCommand.Create();
        yield return SourcesCommand.Create();
        yield return ShowCommand.Create();
        yield return AskCommand.Create();
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return Benchmarks.BenchCommand.Create();
        yield return TeamsPackageCommand.Create();
        yield return FeedbackCommand.Create();
    }
}
