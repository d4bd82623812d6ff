using System.Diagnostics;
using System.Globalization;
using System.Text;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Evaluation;

/// <summary>The result of one question: what was asked, what came back, and whether it was right.</summary>
public sealed record EvalResult(string Id, string Type, string Question, Answer Answer, bool Correct, bool? SourceCorrect, bool? Hit1, bool? Hit3, double Ms)
{
    /// <summary>Plain BM25 baseline: right briefing first / in the top 3.</summary>
    public (bool Hit1, bool Hit3)? Baseline { get; init; }

    /// <summary>For a right answer: does its first sentence (up to the first citation mark) hold the whole accepted answer?
    /// A reader who stops there has it. Null for other results.</summary>
    public bool? LeadHasAnswer { get; init; }
}

/// <summary>Runs question sets through the real engine and measures answer, citation, retrieval and abstention quality.</summary>
public sealed class EvalRunner(IAnswerService answers, IRetriever retriever)
{
    private static readonly HashSet<string> AbstainTypes = new(StringComparer.OrdinalIgnoreCase) { "negative", "boilerplate" };

    public async Task<List<EvalResult>> RunQuestionsAsync(IEnumerable<EvalQuestion> questions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var results = new List<EvalResult>();
        foreach (var q in questions)
        {
            var watch = Stopwatch.StartNew();
            var answer = await answers.AskAsync(new AskRequest(q.Question), ct).ConfigureAwait(false);
            var ms = watch.Elapsed.TotalMilliseconds;
            bool? hit1 = null, hit3 = null;
            if (q.Sources.Count > 0)
            {
                var retrieval = await retriever.RetrieveAsync(q.Question, ct).ConfigureAwait(false);
                var files = retrieval.Evidence.Select(e => e.Briefing.File).Distinct().ToList();
                hit1 = files.Take(1).Any(f => EvalSet.IsSource(f, q.Sources));
                hit3 = files.Take(3).Any(f => EvalSet.IsSource(f, q.Sources));
            }

            var result = Judge(q.Id, q.Type, q.Question, answer, q.Sources, q.Accept, hit1, hit3, ms);
            if (q.Sources.Count > 0 && retriever is HybridRetriever hybrid)
            {
                var baseline = hybrid.KeywordBaseline(q.Question, 3);
                result = result with { Baseline = (baseline.Take(1).Any(b => EvalSet.IsSource(b.File, q.Sources)), baseline.Any(b => EvalSet.IsSource(b.File, q.Sources))) };
            }

            results.Add(result);
        }

        return results;
    }

    public async Task<List<EvalResult>> RunDialoguesAsync(IEnumerable<EvalDialogue> dialogues, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dialogues);
        var results = new List<EvalResult>();
        foreach (var d in dialogues)
        {
            var conversation = "eval-" + d.Id + "-" + Guid.NewGuid().ToString("N");
            for (var i = 0; i < d.Turns.Count; i++)
            {
                var turn = d.Turns[i];
                var watch = Stopwatch.StartNew();
                var answer = await answers.AskAsync(new AskRequest(turn.Question, conversation), ct).ConfigureAwait(false);
                results.Add(Judge($"{d.Id}.{i + 1}", "followup", turn.Question, answer, turn.Sources, turn.Accept, null, null, watch.Elapsed.TotalMilliseconds));
            }
        }

        return results;
    }

    private static EvalResult Judge(string id, string type, string question, Answer answer, IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<string>> accept, bool? hit1, bool? hit3, double ms)
    {
        if (AbstainTypes.Contains(type) || sources.Count == 0)
        {
            // Declined, or answered as small talk ("hi", "are you a real person?"): either way nothing is stated or cited.
            var abstained = answer.Outcome is AnswerOutcome.NotInBriefings or AnswerOutcome.Conversation && answer.Citations.Count == 0;
            return new EvalResult(id, type, question, answer, abstained, null, hit1, hit3, ms);
        }

        var answered = answer.Outcome == AnswerOutcome.Answered;
        var correct = answered && EvalSet.Accepts(answer.Text, accept);
        bool? sourceCorrect = answered ? answer.Citations.Any(c => EvalSet.IsSource(c.File, sources)) : null;
        var right = correct && sourceCorrect == true;
        return new EvalResult(id, type, question, answer, right, sourceCorrect, hit1, hit3, ms)
        {
            LeadHasAnswer = right ? EvalSet.Accepts(Lead(answer.Text), accept) : null,
        };
    }

    /// <summary>An answer's first sentence: its text up to the first citation mark ("[1]"), or all of it when it has none.</summary>
    public static string Lead(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mark = System.Text.RegularExpressions.Regex.Match(text, @"\[\d+\]");
        return mark.Success ? text[..mark.Index] : text;
    }

    /// <summary>Per-type and overall figures, one line each, for the terminal, the README and closing notes.</summary>
    public static string Report(IReadOnlyList<EvalResult> results)
    {
        var sb = new StringBuilder();
        foreach (var group in results.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(Line(group.Key, group.ToList()));
        }

        sb.AppendLine(Line("overall", results));
        var answerable = results.Where(r => !AbstainTypes.Contains(r.Type) && r.Type != "followup").ToList();
        var abstain = results.Where(r => AbstainTypes.Contains(r.Type)).ToList();
        var answered = results.Where(r => r.SourceCorrect is not null).ToList();
        var retrieval = results.Where(r => r.Hit1 is not null).ToList();
        var ms = results.Select(r => r.Ms).OrderBy(x => x).ToList();
        var baseline = results.Where(r => r.Baseline is not null).ToList();
        var leads = results.Where(r => r.LeadHasAnswer is not null).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"first sentence holds the whole answer: {Pct(leads.Count(r => r.LeadHasAnswer == true), leads.Count)} of right answers");
        sb.AppendLine(CultureInfo.InvariantCulture, $"eval: answer accuracy {Pct(answerable.Count(r => r.Correct), answerable.Count)} | cited source correct {Pct(answered.Count(r => r.SourceCorrect == true), answered.Count)} of answered | retrieval hit@1 {Pct(retrieval.Count(r => r.Hit1 == true), retrieval.Count)} hit@3 {Pct(retrieval.Count(r => r.Hit3 == true), retrieval.Count)} (plain BM25: hit@1 {Pct(baseline.Count(r => r.Baseline!.Value.Hit1), baseline.Count)} hit@3 {Pct(baseline.Count(r => r.Baseline!.Value.Hit3), baseline.Count)}) | abstention {Pct(abstain.Count(r => r.Correct), abstain.Count)} | follow-up turns {Pct(results.Count(r => r.Type == "followup" && r.Correct), results.Count(r => r.Type == "followup"))} | latency mean {(ms.Count == 0 ? 0 : ms.Average()):0.0} ms p95 {Percentile(ms, 0.95):0.0} ms");
        return sb.ToString().TrimEnd();
    }

    private static string Line(string name, IReadOnlyList<EvalResult> rs) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-12} {Pct(rs.Count(r => r.Correct), rs.Count),-16} hit@1 {Pct(rs.Count(r => r.Hit1 == true), rs.Count(r => r.Hit1 is not null)),-16} hit@3 {Pct(rs.Count(r => r.Hit3 == true), rs.Count(r => r.Hit3 is not null))}");

    private static string Pct(int n, int d) => d == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * n / d:0.0}% ({n}/{d})");

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
