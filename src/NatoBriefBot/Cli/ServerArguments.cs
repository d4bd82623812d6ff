using System.CommandLine;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Cli;

/// <summary>
/// Tells a bot start (no verb; the options are configuration keys such as <c>--urls</c>) from a verb, and finds
/// what does not belong in either, so a mistyped verb never starts the server.
/// </summary>
internal static class ServerArguments
{
    /// <summary>True when <paramref name="args"/> start the bot: nothing, or options that are not the root's own (--help, --version).</summary>
    public static bool IsServerRun(string[] args, RootCommand root)
    {
        if (args.Length == 0)
        {
            return true;
        }

        var first = args[0];
        var rootOption = root.Options.Any(o => o.Name == first || o.Aliases.Contains(first));
        return first.StartsWith("--", StringComparison.Ordinal) && !rootOption;
    }

    /// <summary>The first token that is neither a <c>--Key=value</c> / <c>--Key</c> option nor the value after a <c>--Key</c>; null when all fit.</summary>
    public static string? FindStray(string[] args)
    {
        var expectsValue = false;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                expectsValue = !arg.Contains('=', StringComparison.Ordinal);
            }
            else if (expectsValue)
            {
                expectsValue = false;
            }
            else
            {
                return arg;
            }
        }

        return null;
    }

    /// <summary>The verb spelled most like <paramref name="typed"/> (at most two edits), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> verbs) => verbs
        .Select(v => (Verb: v, Edits: EditDistance.Compute(typed.ToLowerInvariant(), v, 2)))
        .Where(x => x.Edits <= 2)
        .OrderBy(x => x.Edits)
        .Select(x => x.Verb)
        .FirstOrDefault();
}
