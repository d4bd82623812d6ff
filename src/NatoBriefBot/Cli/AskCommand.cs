using NatoBriefBot.Core.Answering.Selection;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NatoBriefBot.Api;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Cli;

/// <summary><c>ask "QUESTION" [--db FILE] [--json]</c>; with --json and no question, JSON lines on stdin.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = CliServices.RefuseOptionLike(new Argument<string?>("QUESTION") { Description = "The question. With --json and no question, reads {\"id\",\"question\",\"conversation\"} lines from stdin.", Arity = ArgumentArity.ZeroOrOne });
        var db = CliServices.ExistingDbOption();
        var json = new Option<bool>("--json") { Description = "Print JSON (one line per question)." };
        var explain = new Option<bool>("--explain") { Description = "Also print how the question was understood and the ranked evidence." };
        var command = new Command("ask", "Ask the briefings a question and get a cited answer.") { question, db, json, explain };
        command.SetAction((parse, ct) => CliServices.RunAsync(async () =>
        {
            using var services = CliServices.Build(parse.GetValue(db));
            await CliServices.EnsureIndexAsync(services, parse.GetValue(db), ct).ConfigureAwait(false);
            var answers = services.GetRequiredService<IAnswerService>();
            var text = parse.GetValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!parse.GetValue(json))
                {
                    await Console.Error.WriteLineAsync("Give a question, e.g.: ask \"Who is NATO's Secretary General?\" (or use --json and send JSON lines on stdin).").ConfigureAwait(false);
                    return 2;
                }

                return await AnswerLinesAsync(answers, Console.In, Console.Out, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(explain))
            {
                await Console.Out.WriteLineAsync(await ExplainAsync(services, text, ct).ConfigureAwait(false)).ConfigureAwait(false);
            }

            var answer = await AskOneAsync(answers, new AskRequest(text), ct).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(AnswerJson.From(answer), CliServices.Json) : Render(answer)).ConfigureAwait(false);
            return answer.Outcome == AnswerOutcome.Failed ? 1 : 0;
        }));
        return command;
    }

    /// <summary>Answers JSON lines; a bad line gets an error line with its reason and the rest go on.</summary>
    private static async Task<int> AnswerLinesAsync(IAnswerService answers, TextReader input, TextWriter output, CancellationToken ct)
    {
        var failed = 0;
        var number = 0;
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? id = null;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                id = root.TryGetProperty("id", out var i) ? i.ToString() : null;
                var q = root.TryGetProperty("question", out var qe) && qe.ValueKind == JsonValueKind.String ? qe.GetString() : null;
                var conversation = root.TryGetProperty("conversation", out var ce) && ce.ValueKind == JsonValueKind.String ? ce.GetString() : null;
                var answer = await AskOneAsync(answers, new AskRequest(q ?? string.Empty, conversation), ct).ConfigureAwait(false);
                await output.WriteLineAsync(JsonSerializer.Serialize(AnswerJson.From(answer, id), CliServices.Json)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or InvalidQuestionException)
            {
                failed++;
                var reason = ex is InvalidQuestionException ? ex.Message : $"line {number.ToString(CultureInfo.InvariantCulture)} is not a JSON object with a \"question\" string";
                await output.WriteLineAsync(JsonSerializer.Serialize(new { id, error = reason }, CliServices.Json)).ConfigureAwait(false);
            }
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>How the question was understood and what retrieval found, for people tuning the bot.</summary>
    private static async Task<string> ExplainAsync(IServiceProvider services, string question, CancellationToken ct)
    {
        var policy = services.GetRequiredService<AnswerPolicy>();
        var r = await services.GetRequiredService<IRetriever>().RetrieveAsync(question, ct).ConfigureAwait(false);
        var q = r.Query;
        var lines = new List<string>
        {
            $"type={q.Type} recency={q.Recency} newest={q.PrefersNewest} dates={q.Dates?.From:yyyy-MM-dd}..{q.Dates?.To:yyyy-MM-dd} ({q.DateText})",
            $"core=[{string.Join(", ", q.CoreTerms.Select(t => $"{t}:{r.TermWeights.GetValueOrDefault(t):0.00}"))}] salient=[{string.Join(", ", q.Salient)}] unknown=[{string.Join(", ", r.UnknownSalient)}] period_uncovered={r.PeriodUncovered}",
            $"alternatives: {string.Join("; ", q.Alternatives.Select(a => a.Key + "->" + string.Join("/", a.Value)))}",
        };
        foreach (var e in r.Evidence)
        {
            lines.Add($"  {e.Score:0.000} {e.Briefing.File} #{e.Passage.Position} {Shorten(e.Passage.Text.ReplaceLineEndings(" "), 110)}");
        }

        lines.Add("answer model, best candidates:");
        var explained = policy.Explain(r);
        lines.AddRange(explained.Candidates.Select(c => FormattableString.Invariant($"  p {c.Probability:0.000} score {c.Score:0.00} {c.File}: {Shorten(c.Text, 110)}")));
        lines.Add(FormattableString.Invariant($"answer gate {explained.Gate:0.000} (threshold {explained.GateThreshold:0.000}) -> {explained.Decision}"));
        if (explained.GateInputs.Count > 0)
        {
            lines.Add("gate inputs: " + string.Join(" ", explained.GateInputs.Skip(1).Select(i => FormattableString.Invariant($"{i.Key}={i.Value:0.###}"))));
        }

        // Consulted only when the briefings do not answer: how near the question comes to small talk, and to the briefings.
        var chat = await services.GetRequiredService<ChatIntents>().NearestAsync(question, ct).ConfigureAwait(false);
        lines.Add(FormattableString.Invariant($"nearest small talk {chat.Similarity:0.000} ({chat.Kind}: \"{chat.Example}\"), nearest passage {r.NearestPassage:0.000}"));
        if (ChatIntents.Parts(question).Count > 1)
        {
            var parts = await services.GetRequiredService<ChatIntents>().NearestByPartAsync(question, ct).ConfigureAwait(false);
            lines.Add("small talk by part: " + string.Join("; ", parts.Select(p => FormattableString.Invariant($"{p.Similarity:0.000} {p.Kind}"))));
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static Task<Answer> AskOneAsync(IAnswerService answers, AskRequest request, CancellationToken ct) => answers.AskAsync(request, ct);

    /// <summary>The answer for a terminal: text, then the numbered sources with their quotes.</summary>
    public static string Render(Answer answer)
    {
        var lines = new List<string> { answer.Text };
        if (answer.Citations.Count > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Sources:");
            foreach (var c in answer.Citations)
            {
                var date = c.Published?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "undated";
                lines.Add($"[{c.N}] {c.Title} ({date}{(c.Publisher is null ? string.Empty : ", " + c.Publisher)}) {c.File}{(c.Url is null ? string.Empty : " " + c.Url)}");
                lines.Add($"    \u201C{Shorten(c.Quote, 300)}\u201D");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd() + "\u2026";
}
