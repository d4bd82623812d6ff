using System.CommandLine;
using System.Reflection;
using NatoBriefBot.Core;
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

    /// <summary>Sections and host settings the bot reads besides those in appsettings.json (Kestrel endpoints, host filtering).</summary>
    private static readonly string[] HostSections = ["Kestrel", "AllowedHosts", "Logging"];

    /// <summary>What is wrong with the options of a bot start, or null when each is a known configuration key
    /// (<c>--Key=value</c>, <c>--Key value</c> or <c>--Section:Key=value</c>) or <c>--db FILE</c>.</summary>
    public static string? Problem(string[] args)
    {
        var known = KnownKeys();
        var expectsValue = false;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var key = arg[2..].Split('=', 2)[0];
                if (!known.Contains(key.Split(':', 2)[0]))
                {
                    return $"Unknown option '{arg.Split('=', 2)[0]}'. With no verb, options are configuration keys from appsettings.json (e.g. --Storage:DatabasePath=FILE), --urls or --db FILE.";
                }

                expectsValue = !arg.Contains('=', StringComparison.Ordinal);
            }
            else if (expectsValue)
            {
                expectsValue = false;
            }
            else
            {
                return $"Unexpected argument '{arg}': with no verb, options are configuration keys given as --Key=value or --Key value.";
            }
        }

        return null;
    }

    /// <summary><paramref name="args"/> with <c>--db FILE</c> spelled as the configuration key it means (Storage:DatabasePath).</summary>
    public static string[] WithDatabase(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db" && i + 1 < args.Length)
            {
                result.Add("--Storage:DatabasePath=" + Path.GetFullPath(args[++i]));
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal))
            {
                result.Add("--Storage:DatabasePath=" + Path.GetFullPath(args[i]["--db=".Length..]));
            }
            else
            {
                result.Add(args[i]);
            }
        }

        return [.. result];
    }

    /// <summary>The first segments of the configuration keys a bot start accepts: appsettings.json's sections, the web
    /// host's own settings (urls, environment, ...) and db.</summary>
    private static HashSet<string> KnownKeys()
    {
        var settings = new ConfigurationBuilder().SetBasePath(ProjectPaths.FindRoot()).AddJsonFile(ProjectPaths.SettingsFile, optional: true).Build();
        var host = typeof(WebHostDefaults).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).OfType<string>();
        return new HashSet<string>(settings.GetChildren().Select(c => c.Key).Concat(host).Concat(HostSections).Append("db"), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The verb spelled most like <paramref name="typed"/> (at most two edits), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> verbs) => verbs
        .Select(v => (Verb: v, Edits: EditDistance.Compute(typed.ToLowerInvariant(), v, 2)))
        .Where(x => x.Edits <= 2)
        .OrderBy(x => x.Edits)
        .Select(x => x.Verb)
        .FirstOrDefault();
}
