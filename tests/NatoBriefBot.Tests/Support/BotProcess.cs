using System.Diagnostics;
using System.Text;

namespace NatoBriefBot.Tests.Support;

/// <summary>What a CLI run printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public string[] OutLines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the bot's command line as a real child process: <c>dotnet NatoBriefBot.dll VERB ...</c> from the project root.</summary>
public static class BotProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "NatoBriefBot.dll");

    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"NatoBriefBot {string.Join(' ', args)} did not finish within 60 s.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the command line with redirected streams; the caller reads them, waits for or kills the process.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestEngine.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
