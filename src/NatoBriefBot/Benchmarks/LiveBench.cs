using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using NatoBriefBot.Cli;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench live</c>: request latency of the running bot (real Kestrel on loopback, <c>POST /api/ask</c>) first while idle,
/// then while a second engine (as <c>ingest</c> in another process would) writes a generated corpus into the same index.
/// </summary>
internal static class LiveBench
{
    public static async Task<int> RunAsync(int briefings, int clients, BenchEmbedder embedder, CancellationToken ct)
    {
        using var temp = new BenchCommand.TempFolder();
        var db = Path.Combine(temp.Path, "live.db");
        var corpus = Path.Combine(temp.Path, "corpus");
        SyntheticCorpus.Write(corpus, briefings, sentences: 24);
        var settings = BenchCommand.EmbedderSettings(embedder, temp.Path);
        settings["Storage:DatabasePath"] = db;

        var app = BotHost.Build([
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await using (app.ConfigureAwait(false))
        {
            await BotHost.IngestSeedsAsync(app.Services, ct).ConfigureAwait(false);
            await app.StartAsync(ct).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };

            var idle = await AskUntilAsync(http, clients, rounds: 3, until: null, ct).ConfigureAwait(false);

            using var writer = CliServices.Build(null, settings);
            var watch = Stopwatch.StartNew();
            var ingest = Task.Run(() => writer.GetRequiredService<IngestionPipeline>().IngestAsync([corpus], new IngestRunOptions(), null, ct), ct);
            var busy = await AskUntilAsync(http, clients, rounds: int.MaxValue, until: ingest, ct).ConfigureAwait(false);
            var report = await ingest.ConfigureAwait(false);
            var ingestSeconds = watch.Elapsed.TotalSeconds;
            var after = await AskUntilAsync(http, clients, rounds: 1, until: null, ct).ConfigureAwait(false);
            await app.StopAsync(ct).ConfigureAwait(false);

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench live: embedder={embedder} clients={clients} ingested={report.Added} briefings ({report.Passages} passages) in {ingestSeconds:0.0}s | idle {idle} | during ingest {busy} | after {after} | peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
            return busy.Errors == 0 && report.Failed.Count == 0 ? 0 : 1;
        }
    }

    /// <summary><paramref name="clients"/> concurrent askers, each going through the questions <paramref name="rounds"/> times
    /// or until <paramref name="until"/> completes.</summary>
    private static async Task<Latencies> AskUntilAsync(HttpClient http, int clients, int rounds, Task? until, CancellationToken ct)
    {
        var times = new ConcurrentBag<double>();
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var r = 0; r < rounds && until?.IsCompleted != true; r++)
            {
                foreach (var q in BenchCommand.Questions.Skip(c % 3))
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.PostAsJsonAsync("/api/ask", new { question = q }, ct).ConfigureAwait(false);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    if (until?.IsCompleted == true)
                    {
                        break;
                    }
                }
            }
        }, ct))).ConfigureAwait(false);
        var sorted = times.Order().ToList();
        return new Latencies(sorted, errors);
    }

    private sealed record Latencies(List<double> Sorted, int Errors)
    {
        public override string ToString() => Sorted.Count == 0
            ? "asks=0"
            : string.Create(CultureInfo.InvariantCulture,
                $"asks={Sorted.Count} p50_ms={EvalRunner.Percentile(Sorted, 0.5):0.0} p95_ms={EvalRunner.Percentile(Sorted, 0.95):0.0} max_ms={Sorted[^1]:0.0} errors={Errors}");
    }
}
