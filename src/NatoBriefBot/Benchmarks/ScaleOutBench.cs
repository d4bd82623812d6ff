using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Evaluation;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench scaleout</c>: milliseconds per turn (p50/p95, after one warm-up round) of two-turn conversations from C concurrent clients through nginx and
/// three instances sharing Redis, against one instance with in-process state. Starts and stops its own redis-server, nginx
/// (from <c>deploy/nginx.conf.template</c>) and bot processes on free loopback ports; both set-ups serve the same published
/// snapshot of the seeds with the hashing embedder.
/// </summary>
internal static class ScaleOutBench
{
    private static readonly string[] Turns = ["What did Italy pledge?", "What about Germany?"];

    public static async Task<int> RunAsync(int clients, int rounds, CancellationToken ct)
    {
        var root = ProjectPaths.FindRoot();
        var folder = Directory.CreateTempSubdirectory("natobriefbot-bench-").FullName;
        var started = new List<Process>();
        try
        {
            var snapshots = Path.Combine(folder, "snapshots");
            var ingest = Start(Bot(["ingest", "--db", Path.Combine(folder, "work.db"), "--publish", snapshots], []), started);
            await ingest.WaitForExitAsync(ct).ConfigureAwait(false);

            var single = await StartBotAsync(snapshots, Path.Combine(folder, "single.db"), null, started, ct).ConfigureAwait(false);
            await MeasureAsync($"http://127.0.0.1:{single}", clients, 1, ct).ConfigureAwait(false); // warm-up: JIT, index load
            var alone = await MeasureAsync($"http://127.0.0.1:{single}", clients, rounds, ct).ConfigureAwait(false);

            var redisPort = FreePort();
            Directory.CreateDirectory(Path.Combine(folder, "redis"));
            Start(new ProcessStartInfo("redis-server", ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--dir", Path.Combine(folder, "redis"), "--appendonly", "yes", "--save", ""]), started);
            await WaitForPortAsync(redisPort, ct).ConfigureAwait(false);
            var ports = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                ports.Add(await StartBotAsync(snapshots, Path.Combine(folder, $"bot{i}.db"), $"127.0.0.1:{redisPort}", started, ct).ConfigureAwait(false));
            }

            var nginxFolder = Path.Combine(folder, "nginx");
            Directory.CreateDirectory(nginxFolder);
            var nginxPort = FreePort();
            var config = (await File.ReadAllTextAsync(Path.Combine(root, "deploy", "nginx.conf.template"), ct).ConfigureAwait(false))
                .Replace("__PREFIX__", nginxFolder, StringComparison.Ordinal)
                .Replace("__LISTEN__", nginxPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("__SERVERS__", string.Join(' ', ports.Select(p => $"server 127.0.0.1:{p};")), StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(nginxFolder, "nginx.conf"), config, ct).ConfigureAwait(false);
            Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx",
                ["-p", nginxFolder, "-c", Path.Combine(nginxFolder, "nginx.conf"), "-e", Path.Combine(nginxFolder, "error.log")]), started);
            await WaitForPortAsync(nginxPort, ct).ConfigureAwait(false);
            await MeasureAsync($"http://127.0.0.1:{nginxPort}", clients, 1, ct).ConfigureAwait(false);
            var scaled = await MeasureAsync($"http://127.0.0.1:{nginxPort}", clients, rounds, ct).ConfigureAwait(false);

            Console.WriteLine($"bench scaleout: clients={clients} conversations={clients * rounds} turns_each={Turns.Length} cores={Environment.ProcessorCount}");
            Console.WriteLine($"  single instance, in-process state: {alone}");
            Console.WriteLine($"  nginx + 3 instances + Redis:      {scaled}");
            return 0;
        }
        finally
        {
            foreach (var process in started.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> MeasureAsync(string baseUrl, int clients, int rounds, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var r = 0; r < rounds; r++)
            {
                var conversation = Guid.NewGuid().ToString("N");
                foreach (var question in Turns)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.PostAsJsonAsync(baseUrl + "/api/ask", new { question, conversation }, ct).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        })).ConfigureAwait(false);
        var sorted = times.Order().ToList();
        return $"turns={sorted.Count} p50_ms={EvalRunner.Percentile(sorted, 0.5):0.0} p95_ms={EvalRunner.Percentile(sorted, 0.95):0.0} max_ms={sorted[^1]:0.0} errors={errors}";
    }

    private static async Task<int> StartBotAsync(string snapshots, string db, string? redis, List<Process> started, CancellationToken ct)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Redis"] = redis ?? "" };
        Start(Bot(["--urls", $"http://127.0.0.1:{port}", $"--Storage:SnapshotFolder={snapshots}", $"--Storage:DatabasePath={db}",
            "--Limits:AskPerMinute=1000000"], environment), started);
        await WaitForPortAsync(port, ct).ConfigureAwait(false);
        return port;
    }

    private static ProcessStartInfo Bot(string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectPaths.FindRoot() };
        info.ArgumentList.Add(typeof(ScaleOutBench).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Embedding__Provider"] = "Hashing";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static Process Start(ProcessStartInfo info, List<Process> started)
    {
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info) ?? throw new BriefBotException($"{info.FileName} did not start; bench scaleout needs redis-server and nginx (apt-get install redis-server nginx).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, CancellationToken ct)
    {
        for (var i = 0; i < 1200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, ct).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }

        throw new BriefBotException($"Nothing listened on port {port} within 2 minutes.");
    }
}
