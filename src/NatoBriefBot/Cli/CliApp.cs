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

        root.SetAction((parse, ct) => BotHost.RunAsync(parse.UnmatchedTokens.ToArray(), ct));
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return TeamsPackageCommand.Create();
    }
}
