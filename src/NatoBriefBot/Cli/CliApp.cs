using System.CommandLine;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Cli;

/// <summary>The command line: with no verb it runs the bot; verbs ingest, inspect, ask, evaluate and benchmark.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("NatoBriefBot: cited answers about NATO defence briefings. With no verb, starts the bot on http://localhost:3978.");
        root.TreatUnmatchedTokensAsErrors = false;
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        root.SetAction((parse, ct) => CliServices.RunAsync(() => BotHost.RunAsync(parse.UnmatchedTokens.ToArray(), ct)));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Command != root)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"See: dotnet run --project src/NatoBriefBot -- {parsed.CommandResult.Command.Name} --help").ConfigureAwait(false);
            return 2;
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
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
    }
}
