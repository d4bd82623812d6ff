using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using NatoBriefBot.Cli;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Embeddings.Onnx;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench embed</c>: the embedder alone, on real text. Ingests the seeds and the distractor articles (timed: this is what
/// a first start does), then embeds every stored passage again one briefing per call, as ingestion does, first from one
/// caller and then from one caller per core; then embeds each benchmark question alone as a search query.
/// </summary>
internal static class EmbedBench
{
    public static async Task<int> RunAsync(BenchEmbedder embedderName, int rounds, CancellationToken ct)
    {
        using var temp = new BenchCommand.TempFolder();
        var settings = BenchCommand.EmbedderSettings(embedderName, temp.Path);
        settings["Storage:DatabasePath"] = Path.Combine(temp.Path, "bench.db");
        var root = ProjectPaths.FindRoot();
        var inputs = new[] { Path.Combine(root, "seeds"), Path.Combine(root, "tests", "fixtures", "distractors") }.Where(Directory.Exists).ToList();

        var watch = Stopwatch.StartNew();
        using var services = CliServices.Build(null, settings);
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var profile = services.GetRequiredService<EmbedderProfile>();
        var loaded = watch.Elapsed.TotalSeconds;
        var report = await services.GetRequiredService<IngestionPipeline>().IngestAsync(inputs, new IngestRunOptions(), null, ct).ConfigureAwait(false);
        var ingested = watch.Elapsed.TotalSeconds;

        var store = services.GetRequiredService<BriefingStore>();
        var briefings = store.ListBriefings().Select(b => store.GetBriefing(b.File)!.Value.Passages.Select(p => p.Text).ToList()).ToList();
        var passages = briefings.Sum(b => b.Count);
        var tokenizer = (embedder as OnnxBertEmbedder)?.Tokenizer;
        var meanPieces = tokenizer is null ? 0 : briefings.SelectMany(b => b).Average(t => tokenizer.CountTokens(t));

        var oneCaller = await TimeAsync(1).ConfigureAwait(false);
        var perCore = await TimeAsync(Environment.ProcessorCount).ConfigureAwait(false);

        var times = new List<double>();
        foreach (var q in BenchCommand.Questions)
        {
            await embedder.GenerateQueryVectorAsync(q, ct).ConfigureAwait(false);
        }

        for (var r = 0; r < rounds; r++)
        {
            foreach (var q in BenchCommand.Questions)
            {
                var start = Stopwatch.GetTimestamp();
                await embedder.GenerateQueryVectorAsync(q, ct).ConfigureAwait(false);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bench embed: embedder={profile.Name} dims={profile.Dimensions} load_s={loaded:0.00} first_ingest_s={ingested - loaded:0.00} (briefings={report.Added} passages={report.Passages}) " +
            $"mean_word_pieces={meanPieces:0} passages/s(1 caller)={passages / oneCaller:0.0} passages/s({Environment.ProcessorCount} callers)={passages / perCore:0.0} " +
            $"query_ms p50={EvalRunner.Percentile(times, 0.5):0.00} p95={EvalRunner.Percentile(times, 0.95):0.00} max={times[^1]:0.00} (queries={times.Count}) peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
        return report.Failed.Count == 0 ? 0 : 1;

        async Task<double> TimeAsync(int callers)
        {
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(briefings, new ParallelOptions { MaxDegreeOfParallelism = callers, CancellationToken = ct },
                async (texts, token) => await embedder.GenerateAsync(texts, cancellationToken: token).ConfigureAwait(false)).ConfigureAwait(false);
            return clock.Elapsed.TotalSeconds;
        }
    }
}
