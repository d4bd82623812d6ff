using System.CommandLine;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Cli;

/// <summary>
/// <c>train [--questions FILE...] [--followups FILE...] [--corpus PATH...] [--db FILE] [--out FILE]</c>: refits the answer
/// model from the training questions (never the test split) on an index of the seeds and the unrelated articles, and
/// writes its weights file.
/// </summary>
internal static class TrainCommand
{
    /// <summary>The training questions besides the bank's training batches (<c>eval/bank/train*.jsonl</c>): the older sets
    /// rules were once fitted to and the shared set. Never the test split.</summary>
    private static readonly string[] OtherQuestions = ["eval/heldout.jsonl", "eval/distractors.jsonl", "../shared/eval/qa.jsonl"];

    private static readonly string[] OtherFollowups = ["eval/heldout-followups.jsonl", "../shared/eval/followups.jsonl"];

    /// <summary>The bank's training batches, in name order: every <c>train*.jsonl</c>, so a new batch needs no code change.</summary>
    private static IEnumerable<string> BankBatches(EngineRoot root, bool dialogues)
    {
        var bank = root.Resolve("eval/bank");
        return !Directory.Exists(bank)
            ? []
            : Directory.EnumerateFiles(bank, "train*.jsonl")
                .Where(f => f.EndsWith("-followups.jsonl", StringComparison.Ordinal) == dialogues)
                .Order(StringComparer.Ordinal);
    }

    public const string DefaultModel = "src/NatoBriefBot.Core/Answering/Selection/answer-model.json";

    public static Command Create()
    {
        var questions = new Option<string[]>("--questions") { Description = "Training questions (JSON lines); repeatable. Default: the train split and the older training sets.", AllowMultipleArgumentsPerToken = true };
        var followups = new Option<string[]>("--followups") { Description = "Training dialogues (JSON lines); repeatable.", AllowMultipleArgumentsPerToken = true };
        var corpus = new Option<string[]>("--corpus") { Description = "Briefings to train on (default: seeds/ and tests/fixtures/distractors/).", AllowMultipleArgumentsPerToken = true };
        var db = new Option<string>("--db") { Description = "Index for training (default data/train.db; filled from --corpus).", DefaultValueFactory = _ => "data/train.db" };
        var output = new Option<string>("--out") { Description = "Where to write the model.", DefaultValueFactory = _ => DefaultModel };
        var misses = new Option<bool>("--misses") { Description = "Also print the training questions whose best-ranked sentence is wrong." };
        var repeats = new Option<int>("--repeats") { Description = "Also refit N times on the questions in shuffled orders (other fold splits) and print the held-out figures' mean and spread, to tell a real gain from the noise of one split. The model written is the first fit's." };
        var quick = new Option<bool>("--quick") { Description = "Fit one strength and shape per stage (those the full search chose of late) instead of searching them all: a fraction of the time, for comparing features. Its held-out figures compare only with other --quick fits'; ship a model from the full search." };
        var command = new Command("train", "Refit the answer model (sentence selection and abstention) from training questions.") { questions, followups, corpus, db, output, misses, repeats, quick };
        command.SetAction((parse, ct) => CliServices.RunAsync(async () =>
        {
            var root = ProjectPaths.FindRoot();
            var settings = new Dictionary<string, string?>();
            if (Bootstrap() is { } bootstrap)
            {
                // The built-in model computes other features than this version: a plain model (words and meaning) stands
                // in for it while the services start. Training itself does not use it.
                settings["Answering:ModelPath"] = bootstrap;
                await Console.Error.WriteLineAsync("The built-in answer model is out of date for this version's features; a plain model stands in until you rebuild with the refit one.").ConfigureAwait(false);
            }

            using var services = CliServices.Build(Path.Combine(root, parse.GetValue(db)!), settings);
            var engineRoot = services.GetRequiredService<EngineRoot>();
            var paths = parse.GetValue(corpus) is { Length: > 0 } given ? given : [engineRoot.Resolve("seeds"), engineRoot.Resolve("tests/fixtures/distractors")];
            var report = await IngestCommand.RunAsync(services, paths, new IngestRunOptions(Prune: true), Console.Error, ct).ConfigureAwait(false);
            IngestCommand.Print(report, Console.Error);

            var qFiles = Existing(engineRoot, parse.GetValue(questions), BankBatches(engineRoot, dialogues: false), OtherQuestions);
            var fFiles = Existing(engineRoot, parse.GetValue(followups), BankBatches(engineRoot, dialogues: true), OtherFollowups);
            var builder = ActivatorUtilities.CreateInstance<TrainingSetBuilder>(services);
            var data = await builder.BuildAsync(
                qFiles.SelectMany(EvalSet.Read<EvalQuestion>).ToList(),
                fFiles.SelectMany(EvalSet.Read<EvalDialogue>).ToList(),
                ct).ConfigureAwait(false);
            var provenance = new AnswerModelProvenance
            {
                Trained = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Command = "dotnet run --project src/NatoBriefBot -- train",
                Embedder = EmbedderFactory.ProfileOf(services.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>()).Name,
                TrainingFiles = [.. qFiles.Concat(fFiles).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))],
            };
            var search = parse.GetValue(quick) ? TrainingSearch.Quick : TrainingSearch.Full;
            var model = AnswerModelTrainer.Fit(data, provenance, search);
            if (parse.GetValue(misses))
            {
                foreach (var miss in AnswerModelTrainer.RankingMisses(data, model))
                {
                    Console.Out.WriteLine(miss);
                }
            }

            var outPath = engineRoot.Resolve(parse.GetValue(output)!);
            model.Save(outPath);
            Console.Out.WriteLine($"train: {model.Provenance.Questions} questions, {model.Provenance.Candidates} candidate sentences ({model.Provenance.Positives} answers) | {model.Provenance.TrainFit}");
            for (var i = 0; i < AnswerModel.Features.Count; i++)
            {
                Console.Out.WriteLine($"  {AnswerModel.Features[i],-18} {model.Weights[i],8:0.000}");
            }

            if (parse.GetValue(repeats) is > 0 and var n)
            {
                PrintSpread(model, Enumerable.Range(1, n).Select(seed => AnswerModelTrainer.Fit(Shuffled(data, seed), provenance, search)));
            }

            Console.Out.WriteLine($"Wrote {outPath}. Rebuild (or set Answering:ModelPath) to use it.");
            return 0;
        }));
        return command;
    }

    private static List<TrainingQuestion> Shuffled(IReadOnlyList<TrainingQuestion> data, int seed)
    {
        var copy = data.ToArray();
        new Random(seed).Shuffle(copy);
        return [.. copy];
    }

    /// <summary>Held-out utility and ranking of the written fit and of refits on other fold splits: mean and standard deviation.</summary>
    private static void PrintSpread(AnswerModel first, IEnumerable<AnswerModel> refits)
    {
        var fits = new List<AnswerModelProvenance> { first.Provenance };
        foreach (var refit in refits)
        {
            fits.Add(refit.Provenance);
            Console.Out.WriteLine(FormattableString.Invariant($"  refit {fits.Count - 1}: utility {refit.Provenance.HeldOutUtility:0.#}, ranking {refit.Provenance.HeldOutRanking} held out"));
        }

        static (double Mean, double Sd) Spread(IReadOnlyList<double> x)
        {
            var mean = x.Average();
            return (mean, Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, x.Count - 1)));
        }

        var utility = Spread([.. fits.Select(f => f.HeldOutUtility)]);
        var ranking = Spread([.. fits.Select(f => (double)f.HeldOutRanking)]);
        Console.Out.WriteLine(FormattableString.Invariant($"train spread over {fits.Count} fold splits: utility {utility.Mean:0.#} ± {utility.Sd:0.#}, ranking {ranking.Mean:0.#} ± {ranking.Sd:0.#} held out"));
    }

    /// <summary>A plain model file when the built-in one no longer fits this version's features; null when it fits.</summary>
    private static string? Bootstrap()
    {
        try
        {
            AnswerModel.Default();
            return null;
        }
        catch (BriefBotException)
        {
            var path = Path.Combine(Path.GetTempPath(), $"natobriefbot-bootstrap-{Environment.ProcessId}.json");
            new AnswerModel(AnswerModel.Features, [.. AnswerModel.Features.Select(f => f is "lexical" or "dense" ? 4.0 : f == "bias" ? -4.0 : 0.0)], 0.5).Save(path);
            return path;
        }
    }

    private static List<string> Existing(EngineRoot root, string[]? given, IEnumerable<string> batches, string[] others)
    {
        if (given is { Length: > 0 })
        {
            return [.. given.Select(Path.GetFullPath)];
        }

        return [.. batches.Concat(others.Select(root.Resolve).Where(File.Exists))];
    }
}
