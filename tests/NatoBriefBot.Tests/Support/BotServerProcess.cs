using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NatoBriefBot.Tests.Support;

/// <summary>
/// The bot as a user starts it (<c>dotnet NatoBriefBot.dll</c>, no verb) in a child process, over a temp index and the hashing
/// embedder, with none of the parent's ASP.NET Core address variables. Ready when it prints its start-up block.
/// </summary>
public sealed class BotServerProcess : IAsyncDisposable
{
    public const string ReadyLine = "Press Ctrl+C to stop.";

    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "NatoBriefBot.dll");
    private static readonly string[] AddressVariables = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS"];

    private readonly Process _process;
    private readonly TempFolder _folder;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotServerProcess(Process process, TempFolder folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>Lines printed on standard output so far.</summary>
    public IReadOnlyList<string> Lines => _out.ToList();

    public string StdOut => string.Join('\n', _out);

    public string StdErr => string.Join('\n', _err);

    /// <summary>The value of a row of the start-up block ("  Web Chat page   http://..."), or null.</summary>
    public string? Row(string label) =>
        Lines.Where(l => l.StartsWith("  " + label + " ", StringComparison.Ordinal)).Select(l => l[(label.Length + 2)..].Trim()).FirstOrDefault();

    public static async Task<BotServerProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var folder = new TempFolder();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestEngine.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Dll, $"--Storage:DatabasePath={folder.Combine("bot.db")}", "--Embedding:Provider=Hashing", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in AddressVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var bot = new BotServerProcess(process, folder);
        process.OutputDataReceived += (_, e) => bot.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                bot._err.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => bot._ready.TrySetException(new InvalidOperationException(
            $"The bot exited with code {process.ExitCode} before it was ready.\n{bot.StdOut}\n{bot.StdErr}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot._ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            await bot.DisposeAsync();
            throw new TimeoutException($"The bot did not print '{ReadyLine}' within 120 s.\n{bot.StdOut}\n{bot.StdErr}");
        }

        return bot;
    }

    /// <summary>A TCP port free on this machine right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _out.Enqueue(line);
        if (line == ReadyLine)
        {
            _ready.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
