using System.CommandLine;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Evaluation;

namespace NatoBriefBot.Cli;

/// <summary><c>eval [--questions FILE] [--followups FILE] [--db FILE] [--verbose]</c>: measures the bot on question sets.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Option<string?>("--questions") { Description = "Questions (JSON lines). Default: ../shared/eval/qa.jsonl next to the project, if present." };
        var followups = new Option<string?>("--followups") { Description = "Dialogues (JSON lines). Default: ../shared/eval/followups.jsonl, if present." };
        var db = CliServices.ExistingDbOption();
        var verbose = new Option<bool>("--verbose") { Description = "Print every question with its answer." };
        var bank = new Option<bool>("--bank") { Description = "Run the question bank's train and test splits (eval/bank/) and report each, labelled." };
        var command = new Command("eval", "Measure answer, citation, retrieval and abstention quality on question sets.") { questions, followups, db, verbose, bank };
        command.SetAction((parse, ct) => CliServices.RunAsync(async () =>
        {
            using var services = CliServices.Build(parse.GetValue(db));
            await CliServices.EnsureIndexAsync(services, parse.GetValue(db), ct).ConfigureAwait(false);
            var root = services.GetRequiredService<EngineRoot>();
            if (parse.GetValue(bank))
            {
                var bankRunner = ActivatorUtilities.CreateInstance<EvalRunner>(services);
                foreach (var split in new[] { "train", "test" })
                {
                    var splitResults = new List<EvalResult>();
                    splitResults.AddRange(await bankRunner.RunQuestionsAsync(EvalSet.Read<EvalQuestion>(root.Resolve($"eval/bank/{split}.jsonl")), ct).ConfigureAwait(false));
                    splitResults.AddRange(await bankRunner.RunDialoguesAsync(EvalSet.Read<EvalDialogue>(root.Resolve($"eval/bank/{split}-followups.jsonl")), ct).ConfigureAwait(false));
                    // The test split is reported, not studied: its misses are listed only on request.
                    foreach (var r in splitResults.Where(r => !r.Correct && (split == "train" || parse.GetValue(verbose))))
                    {
                        Console.Out.WriteLine($"MISS [{split}] {r.Id} [{r.Type}] {r.Question}{AskedAs(r)}\n     -> {r.Answer.Outcome}: {r.Answer.Text.ReplaceLineEndings(" ")}");
                    }

                    Console.Out.WriteLine($"[{split} split]");
                    Console.Out.WriteLine(EvalRunner.Report(splitResults).Replace("eval:", $"eval ({split} split):", StringComparison.Ordinal));
                }

                return 0;
            }

            var qPath = parse.GetValue(questions) ?? Default(root, "qa.jsonl");
            var fPath = parse.GetValue(followups) ?? (parse.GetValue(questions) is null ? Default(root, "followups.jsonl") : null);
            if (qPath is null && fPath is null)
            {
                await Console.Error.WriteLineAsync("No question set found. Pass --questions FILE (and --followups FILE).").ConfigureAwait(false);
                return 2;
            }

            var runner = ActivatorUtilities.CreateInstance<EvalRunner>(services);
            var results = new List<EvalResult>();
            if (qPath is not null)
            {
                results.AddRange(await runner.RunQuestionsAsync(EvalSet.Read<EvalQuestion>(qPath), ct).ConfigureAwait(false));
            }

            if (fPath is not null)
            {
                results.AddRange(await runner.RunDialoguesAsync(EvalSet.Read<EvalDialogue>(fPath), ct).ConfigureAwait(false));
            }

            foreach (var r in results.Where(r => r.Correct && r.Hit1 == false))
            {
                Console.Out.WriteLine($"hit@1 miss {r.Id}: {r.Question}");
            }

            foreach (var r in results.Where(r => parse.GetValue(verbose) || !r.Correct))
            {
                Console.Out.WriteLine($"{(r.Correct ? "ok  " : "MISS")} {r.Id} [{r.Type}] {r.Question}{AskedAs(r)}\n     -> {r.Answer.Outcome}: {r.Answer.Text.ReplaceLineEndings(" ")}\n     cites: {string.Join(", ", r.Answer.Citations.Select(c => c.File))}");
            }

            Console.Out.WriteLine(EvalRunner.Report(results));
            return 0;
        }));
        return command;
    }

    /// <summary>A follow-up as the bot resolved it, when that differs from what was typed.</summary>
    private static string AskedAs(EvalResult r) =>
        r.Answer.AskedAs is { } asked && !string.Equals(asked, r.Question, StringComparison.Ordinal) ? $"\n     (asked as: {asked})" : string.Empty;

    private static string? Default(EngineRoot root, string name)
    {
        var path = root.Resolve(Path.Combine("..", "shared", "eval", name));
        return File.Exists(path) ? path : null;
    }
}
