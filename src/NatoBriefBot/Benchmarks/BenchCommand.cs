using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NatoBriefBot.Cli;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench ingest</c> and <c>bench query</c>: throughput, latency and peak memory on generated corpora, printed as
/// one plain result line each (these are the figures in the README).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Questions of the kinds users ask; used only to time the query path.</summary>
    private static readonly string[] Questions =
    [
        "Who is NATO's Secretary General?", "What did defence ministers agree in June 2024?", "How much military aid did allies pledge to Ukraine?",
        "What is the latest meeting about?", "Where will the new command be based?", "What is the defence investment target?",
        "When is the next summit?", "Which countries pledged air defence systems?", "What did the ministers say about ammunition production?",
        "What happened in October 2024?", "Why does NATO work with Indo-Pacific partners?", "What is MARCOM?",
    ];

    public static Command Create()
    {
        var bench = new Command("bench", "Measure ingestion and query speed and memory on generated corpora.");
        var briefings = new Option<int>("--briefings") { Description = "Generated briefings to ingest.", DefaultValueFactory = _ => 2000 };
        var embedder = new Option<string>("--embedder") { Description = "Hashing (offline default) or Onnx (a generated tiny BERT model).", DefaultValueFactory = _ => "Hashing" };
        var ingest = new Command("ingest", "Ingest a generated corpus into a fresh index: passages/second and peak memory.") { briefings, embedder };
        ingest.SetAction((parse, ct) => CliServices.RunAsync(() => BenchIngestAsync(parse.GetValue(briefings), parse.GetValue(embedder)!, ct)));

        var passages = new Option<int>("--passages") { Description = "Approximate passages in the generated index (0: seeds plus the distractor articles only).", DefaultValueFactory = _ => 0 };
        var rounds = new Option<int>("--rounds") { Description = "Times each question is asked.", DefaultValueFactory = _ => 20 };
        var query = new Command("query", "Time ask (retrieve + compose) with the offline default.") { passages, rounds };
        query.SetAction((parse, ct) => CliServices.RunAsync(() => BenchQueryAsync(parse.GetValue(passages), parse.GetValue(rounds), ct)));
        bench.Subcommands.Add(ingest);
        bench.Subcommands.Add(query);
        return bench;
    }

    private static async Task<int> BenchIngestAsync(int count, string embedder, CancellationToken ct)
    {
        using var temp = new TempFolder();
        var corpus = Path.Combine(temp.Path, "corpus");
        SyntheticCorpus.Write(corpus, count, sentences: 24);
        var overrides = new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(temp.Path, "bench.db") };
        if (embedder.Equals("onnx", StringComparison.OrdinalIgnoreCase))
        {
            var model = Path.Combine(temp.Path, "tiny-bert");
            Core.Embeddings.Onnx.TinyBertModel.Write(model);
            overrides["Embedding:Provider"] = "Onnx";
            overrides["Embedding:OnnxModelPath"] = model;
        }

        using var services = CliServices.Build(null, overrides);
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var watch = Stopwatch.StartNew();
        var report = await pipeline.IngestAsync([corpus], new IngestRunOptions(), null, ct).ConfigureAwait(false);
        watch.Stop();
        var rate = report.Passages / watch.Elapsed.TotalSeconds;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench ingest: embedder={embedder} briefings={report.Added} passages={report.Passages} seconds={watch.Elapsed.TotalSeconds:0.00} passages/s={rate:0} briefings/s={report.Added / watch.Elapsed.TotalSeconds:0} peak_working_set_mb={Environment.WorkingSet / 1048576.0:0} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
        return report.Failed.Count == 0 ? 0 : 1;
    }

    private static async Task<int> BenchQueryAsync(int passages, int rounds, CancellationToken ct)
    {
        using var temp = new TempFolder();
        var root = ProjectPaths.FindRoot();
        var inputs = new List<string> { Path.Combine(root, "seeds") };
        var distractors = Path.Combine(root, "tests", "fixtures", "distractors");
        if (Directory.Exists(distractors))
        {
            inputs.Add(distractors);
        }

        if (passages > 0)
        {
            var corpus = Path.Combine(temp.Path, "corpus");
            SyntheticCorpus.Write(corpus, Math.Max(1, passages / 9), sentences: 24);
            inputs.Add(corpus);
        }

        using var services = CliServices.Build(null, new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(temp.Path, "bench.db") });
        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync(inputs, new IngestRunOptions(), null, ct).ConfigureAwait(false);
        var answers = services.GetRequiredService<IAnswerService>();
        foreach (var q in Questions)
        {
            await answers.AskAsync(new AskRequest(q), ct).ConfigureAwait(false);
        }

        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in Questions)
            {
                var watch = Stopwatch.StartNew();
                await answers.AskAsync(new AskRequest(q), ct).ConfigureAwait(false);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var store = services.GetRequiredService<Core.Storage.BriefingStore>();
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench query: briefings={store.ListBriefings().Count} passages={store.PassageCount} asks={times.Count} p50_ms={EvalRunner.Percentile(times, 0.5):0.00} p95_ms={EvalRunner.Percentile(times, 0.95):0.00} max_ms={times[^1]:0.00} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} (ingest failures: {report.Failed.Count})")).ConfigureAwait(false);
        return 0;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("natobriefbot-bench-").FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
