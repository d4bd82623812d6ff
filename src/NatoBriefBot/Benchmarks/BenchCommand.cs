using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using NatoBriefBot.Cli;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench ingest</c>, <c>bench query</c>, <c>bench embed</c>, <c>bench live</c> and <c>bench hostile</c>: throughput, latency and peak memory on
/// generated corpora, the seeds and hostile requests, printed as one plain result line each (these are the figures in the README).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Questions of the kinds users ask; used only to time the query path.</summary>
    internal static readonly string[] Questions =
    [
        "Who is NATO's Secretary General?", "What did defence ministers agree in June 2024?", "How much military aid did allies pledge to Ukraine?",
        "What is the latest meeting about?", "Where will the new command be based?", "What is the defence investment target?",
        "When is the next summit?", "Which countries pledged air defence systems?", "What did the ministers say about ammunition production?",
        "What happened in October 2024?", "Why does NATO work with Indo-Pacific partners?", "What is MARCOM?",
    ];

    public static Command Create()
    {
        var bench = new Command("bench", "Measure ingestion and query speed and memory on generated corpora.");
        var briefings = CliServices.AtLeast(new Option<int>("--briefings") { Description = "Generated briefings to ingest.", DefaultValueFactory = _ => 2000 }, 1);
        var embedder = EmbedderOption(BenchEmbedder.Hashing);
        var ingest = new Command("ingest", "Ingest a generated corpus into a fresh index: passages/second and peak memory.") { briefings, embedder };
        ingest.SetAction((parse, ct) => CliServices.RunAsync(() => BenchIngestAsync(parse.GetValue(briefings), parse.GetValue(embedder), ct)));

        var passages = CliServices.AtLeast(new Option<int>("--passages") { Description = "Approximate passages in the generated index (0: seeds plus the distractor articles only).", DefaultValueFactory = _ => 0 }, 0);
        var rounds = CliServices.AtLeast(new Option<int>("--rounds") { Description = "Times each question is asked.", DefaultValueFactory = _ => 20 }, 1);
        var keep = new Option<string?>("--keep") { Description = "Keep the generated index in this file and reuse it on the next run." };
        var queryEmbedder = EmbedderOption(BenchEmbedder.Onnx);
        var query = new Command("query", "Time ask (retrieve + compose) with the offline default.") { passages, rounds, keep, queryEmbedder };
        query.SetAction((parse, ct) => CliServices.RunAsync(() => BenchQueryAsync(parse.GetValue(passages), parse.GetValue(rounds), parse.GetValue(keep), parse.GetValue(queryEmbedder), ct)));
        var embedEmbedder = EmbedderOption(BenchEmbedder.Onnx);
        var embedRounds = CliServices.AtLeast(new Option<int>("--rounds") { Description = "Times each question is embedded.", DefaultValueFactory = _ => 20 }, 1);
        var embed = new Command("embed", "Time the embedder alone: passages/s over the seeds and distractor articles, p50/p95 ms per question.") { embedEmbedder, embedRounds };
        embed.SetAction((parse, ct) => CliServices.RunAsync(() => EmbedBench.RunAsync(parse.GetValue(embedEmbedder), parse.GetValue(embedRounds), ct)));
        var liveBriefings = CliServices.AtLeast(new Option<int>("--briefings") { Description = "Generated briefings ingested while the bot answers.", DefaultValueFactory = _ => 3000 }, 1);
        var clients = CliServices.AtLeast(new Option<int>("--clients") { Description = "Concurrent askers.", DefaultValueFactory = _ => 4 }, 1);
        var liveEmbedder = EmbedderOption(BenchEmbedder.Hashing);
        var live = new Command("live", "Request latency (p50/p95/worst) of the running bot while idle and while a large ingest writes into its index.") { liveBriefings, clients, liveEmbedder };
        live.SetAction((parse, ct) => CliServices.RunAsync(() => LiveBench.RunAsync(parse.GetValue(liveBriefings), parse.GetValue(clients), parse.GetValue(liveEmbedder), ct)));
        var hostileClients = CliServices.AtLeast(new Option<int>("--clients") { Description = "Concurrent senders of oversized bodies.", DefaultValueFactory = _ => HostileLoad.Issue8.Clients }, 1);
        var bodyMb = CliServices.AtLeast(new Option<int>("--body-mb") { Description = "Size of each oversized body in MB.", DefaultValueFactory = _ => 26 }, 1);
        var hostile = new Command("hostile", "Memory of the running bot in auth mode under oversized bodies (with and without Content-Length) and large Direct Line activities: RSS before/peak/after and the status codes seen.") { hostileClients, bodyMb };
        hostile.SetAction((parse, ct) => CliServices.RunAsync(() => HostileBench.RunAsync(
            HostileLoad.Issue8 with { Clients = parse.GetValue(hostileClients), BodyBytes = parse.GetValue(bodyMb) * 1024L * 1024 }, ct)));
        var scaleClients = CliServices.AtLeast(new Option<int>("--clients") { Description = "Concurrent clients, each holding two-turn conversations.", DefaultValueFactory = _ => 20 }, 1);
        var scaleRounds = CliServices.AtLeast(new Option<int>("--rounds") { Description = "Conversations per client.", DefaultValueFactory = _ => 10 }, 1);
        var scaleout = new Command("scaleout", "p50/p95 per turn through nginx + 3 instances sharing Redis vs one instance (needs redis-server and nginx).") { scaleClients, scaleRounds };
        scaleout.SetAction((parse, ct) => CliServices.RunAsync(() => ScaleOutBench.RunAsync(parse.GetValue(scaleClients), parse.GetValue(scaleRounds), ct)));
        bench.Subcommands.Add(scaleout);
        bench.Subcommands.Add(ingest);
        bench.Subcommands.Add(hostile);
        bench.Subcommands.Add(live);
        bench.Subcommands.Add(query);
        bench.Subcommands.Add(embed);
        return bench;
    }

    private static Option<BenchEmbedder> EmbedderOption(BenchEmbedder byDefault) => new("--embedder")
    {
        Description = "Hashing, Onnx (the configured ONNX model, built-in snowflake-arctic-embed-xs by default) or TinyOnnx (a generated tiny BERT model).",
        DefaultValueFactory = _ => byDefault,
    };

    /// <summary>The settings that select <paramref name="embedder"/>; a tiny model is written under <paramref name="folder"/>.</summary>
    internal static Dictionary<string, string?> EmbedderSettings(BenchEmbedder embedder, string folder)
    {
        switch (embedder)
        {
            // The generated corpora measure the engine's scaling, not the encoders: the second encoder (a full MiniLM pass
            // over every sentence) is off for them, as for hashing; the Onnx choice measures the default, both encoders.
            case BenchEmbedder.Hashing:
                return new() { ["Embedding:Provider"] = "Hashing", ["Embedding:SecondOpinion"] = "" };
            case BenchEmbedder.TinyOnnx:
            case BenchEmbedder.TinyOnnx384:
                // TinyOnnx384: a generated one-layer model as wide as arctic (384), so an index of any size can be built
                // in seconds and its vector scan and rerank cost what arctic's would; only the encoder itself is cheaper.
                var model = Path.Combine(folder, "tiny-bert");
                Core.Embeddings.Onnx.TinyBertModel.Write(model, new Core.Embeddings.Onnx.TinyBertModelOptions { HiddenSize = embedder == BenchEmbedder.TinyOnnx384 ? 384 : 32 });
                return new() { ["Embedding:Provider"] = "Onnx", ["Embedding:OnnxModelPath"] = model, ["Embedding:SecondOpinion"] = "" };
            default:
                return new() { ["Embedding:Provider"] = "Onnx" };
        }
    }

    private static async Task<int> BenchIngestAsync(int count, BenchEmbedder embedder, CancellationToken ct)
    {
        using var temp = new TempFolder();
        var corpus = Path.Combine(temp.Path, "corpus");
        SyntheticCorpus.Write(corpus, count, sentences: 24);
        var overrides = EmbedderSettings(embedder, temp.Path);
        overrides["Storage:DatabasePath"] = Path.Combine(temp.Path, "bench.db");

        using var services = CliServices.Build(null, overrides);
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var report = await pipeline.IngestAsync([corpus], new IngestRunOptions(), null, ct).ConfigureAwait(false);
        watch.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var rate = report.Passages / watch.Elapsed.TotalSeconds;
        var pieces = MeanModelTokens(services);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench ingest: embedder={services.GetRequiredService<Core.Embeddings.EmbedderProfile>().Name} briefings={report.Added} passages={report.Passages} mean_model_tokens={pieces:0} seconds={watch.Elapsed.TotalSeconds:0.00} cpu_seconds={cpuSeconds:0.00} passages/s={rate:0} passages_per_cpu_s={report.Passages / cpuSeconds:0.0} briefings/s={report.Added / watch.Elapsed.TotalSeconds:0} peak_working_set_mb={Environment.WorkingSet / 1048576.0:0} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
        return report.Failed.Count == 0 ? 0 : 1;
    }

    /// <summary>Mean length of the first stored passages in the ONNX model's word pieces (0 for other embedders).</summary>
    private static double MeanModelTokens(IServiceProvider services)
    {
        if (services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>() is not Core.Embeddings.Onnx.OnnxBertEmbedder onnx)
        {
            return 0;
        }

        var passages = services.GetRequiredService<Core.Storage.BriefingStore>().GetPassages([.. Enumerable.Range(1, 500).Select(i => (long)i)]);
        return passages.Count == 0 ? 0 : passages.Values.Average(p => onnx.Tokenizer.CountTokens(p.Text));
    }

    private static async Task<int> BenchQueryAsync(int passages, int rounds, string? keep, BenchEmbedder embedder, CancellationToken ct)
    {
        using var temp = new TempFolder();
        var root = ProjectPaths.FindRoot();
        var inputs = new List<string> { Path.Combine(root, "seeds") };
        var distractors = Path.Combine(root, "tests", "fixtures", "distractors");
        if (Directory.Exists(distractors))
        {
            inputs.Add(distractors);
        }

        var reuse = keep is not null && File.Exists(keep);
        if (passages > 0 && !reuse)
        {
            var corpus = Path.Combine(temp.Path, "corpus");
            SyntheticCorpus.Write(corpus, Math.Max(1, passages / 9), sentences: 24);
            inputs.Add(corpus);
        }

        var settings = EmbedderSettings(embedder, temp.Path);
        settings["Storage:DatabasePath"] = keep is null ? Path.Combine(temp.Path, "bench.db") : Path.GetFullPath(keep);
        using var services = CliServices.Build(null, settings);
        var report = reuse
            ? new IngestReport(0, 0, 0, 0, [], 0, TimeSpan.Zero)
            : await services.GetRequiredService<IngestionPipeline>().IngestAsync(inputs, new IngestRunOptions(), null, ct).ConfigureAwait(false);
        var answers = services.GetRequiredService<IAnswerService>();
        // The first round meets every sentence for the first time (its word-piece vectors are not cached yet) and JIT-compiles.
        var cold = new List<double>();
        foreach (var q in Questions)
        {
            var watch = Stopwatch.StartNew();
            await answers.AskAsync(new AskRequest(q), ct).ConfigureAwait(false);
            cold.Add(watch.Elapsed.TotalMilliseconds);
        }

        cold.Sort();

        var times = new List<double>();
        var stages = new double[5];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in Questions)
            {
                var watch = Stopwatch.StartNew();
                var answer = await answers.AskAsync(new AskRequest(q), ct).ConfigureAwait(false);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (answer.Timings is { } t)
                {
                    stages[0] += t.Analyze.TotalMilliseconds;
                    stages[1] += t.Keyword.TotalMilliseconds;
                    stages[2] += t.Vector.TotalMilliseconds;
                    stages[3] += t.Fuse.TotalMilliseconds;
                    stages[4] += t.Rerank.TotalMilliseconds;
                }
            }
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;

        times.Sort();
        var store = services.GetRequiredService<Core.Storage.BriefingStore>();
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench query: embedder={services.GetRequiredService<Core.Embeddings.EmbedderProfile>().Name} briefings={store.ListBriefings().Count} passages={store.PassageCount} asks={times.Count} p50_ms={EvalRunner.Percentile(times, 0.5):0.00} p95_ms={EvalRunner.Percentile(times, 0.95):0.00} max_ms={times[^1]:0.00} first_round_p50_ms={EvalRunner.Percentile(cold, 0.5):0.00} first_round_p95_ms={EvalRunner.Percentile(cold, 0.95):0.00} cpu_ms_per_ask={cpuMs:0.00} mean_stage_ms(analyze/keyword/vector/fuse/rerank)={string.Join('/', stages.Select(x => (x / times.Count).ToString("0.00", CultureInfo.InvariantCulture)))} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} (ingest failures: {report.Failed.Count})")).ConfigureAwait(false);
        return 0;
    }

    internal sealed class TempFolder : IDisposable
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

/// <summary>The embedders a benchmark can run with.</summary>
internal enum BenchEmbedder
{
    Hashing,
    Onnx,
    TinyOnnx,
    TinyOnnx384,
}
