using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Core.Evaluation;

/// <summary>
/// Turns labelled questions into training data for the answer model: each question runs through the real follow-up
/// resolution and retrieval, and every candidate sentence is labelled by whether it holds the accepted answer and comes
/// from one of the question's source briefings. A dialogue's later turns are resolved against the right answers to its
/// earlier ones (a right sentence, cited; or a refusal where the briefings have none), not against what the current
/// model answered: the training data then does not depend on the model being replaced, and refitting twice gives the
/// same weights.
/// </summary>
public sealed class TrainingSetBuilder(IRetriever retriever, IQuestionRewriter rewriter, AnsweringOptions options)
{
    public async Task<List<TrainingQuestion>> BuildAsync(IEnumerable<EvalQuestion> questions, IEnumerable<EvalDialogue> dialogues, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(dialogues);
        var result = new List<TrainingQuestion>();
        foreach (var q in questions)
        {
            result.Add(await ExampleAsync(q.Id, q.Question, new RetrievalHints([]), q.Sources, q.Accept, ct).ConfigureAwait(false));
        }

        foreach (var d in dialogues)
        {
            var history = new List<ConversationTurn>();
            for (var i = 0; i < d.Turns.Count; i++)
            {
                var turn = d.Turns[i];
                if (StatementFollowUp.Asks(turn.Question) && history.FindLast(t => t.Answer.Citations.Count > 0) is { } about)
                {
                    // "who said that?": answered from the previous answer's passage, never by the answer model.
                    history.Add(new ConversationTurn(turn.Question, turn.Question, about.Answer));
                    continue;
                }

                var resolved = history.Count == 0 ? turn.Question : await rewriter.RewriteAsync(turn.Question, history, ct).ConfigureAwait(false);
                var hints = FollowUpRewriter.Hints(turn.Question, history, resolved);
                var (example, right) = await ExampleWithAnswerAsync($"{d.Id}.{i + 1}", resolved, hints, turn.Sources, turn.Accept, ct).ConfigureAwait(false);
                result.Add(example);
                history.Add(new ConversationTurn(turn.Question, resolved, RightAnswer(turn.Question, right)));
            }
        }

        return result;
    }

    /// <summary>The answer a turn should have had: its first right sentence, cited, or a refusal when none is found.</summary>
    private static Answer RightAnswer(string question, AnswerCandidate? right)
    {
        if (right is null)
        {
            return new Answer(question, AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have.", []);
        }

        var b = right.Evidence.Briefing;
        return new Answer(question, AnswerOutcome.Answered, right.Sentence.Text + " [1]",
            [new Citation(1, b.File, b.Title, b.Published, b.Publisher, b.Url, right.Sentence.Text)]);
    }

    private async Task<TrainingQuestion> ExampleAsync(string id, string resolved, RetrievalHints hints, IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<string>> accept, CancellationToken ct) =>
        (await ExampleWithAnswerAsync(id, resolved, hints, sources, accept, ct).ConfigureAwait(false)).Example;

    private async Task<(TrainingQuestion Example, AnswerCandidate? Right)> ExampleWithAnswerAsync(string id, string resolved, RetrievalHints hints, IReadOnlyList<string> sources, IReadOnlyList<IReadOnlyList<string>> accept, CancellationToken ct)
    {
        var retrieval = await retriever.RetrieveAsync(resolved, hints, ct).ConfigureAwait(false);
        var scorer = retrieval.Scorer ?? new SentenceScorer(retrieval.Query, retrieval.TermWeights);
        var candidates = AnswerFeatures.Extract(retrieval, scorer, options.EvidencePassages);
        var answerable = sources.Count > 0 && accept.Count > 0;
        var speaks = retrieval.Query.Type == QuestionType.Who || retrieval.Query.AsksForName;
        var groups = candidates.Select(c => answerable && EvalSet.IsSource(c.Evidence.Briefing.File, sources) ? GroupsCovered(c, accept, speaks) : 0).ToList();
        // A sentence holding every part of the answer is right; when no single sentence does (a multi-part answer), the
        // sentences holding the most parts are.
        var best = groups.DefaultIfEmpty(0).Max();
        var labels = groups.Select(g => best > 0 && g == best && (g == accept.Count || g > 0)).ToList();
        var pool = AnswerPolicy.Pool(retrieval, candidates).ToHashSet();
        var right = candidates.Where((c, i) => labels[i]).FirstOrDefault();
        var example = new TrainingQuestion(id, answerable, candidates.Select(c => c.Features).ToList(), labels,
            candidates.Select(c => c.Question).ToList(), candidates.Select(pool.Contains).ToList())
        {
            Text = resolved,
            Sentences = [.. candidates.Select(c => c.Sentence.Text)],
            Twins = [.. candidates.Select(c => candidates.FindIndex(o => o.Sentence.IsNearDuplicateOf(c.Sentence)))],
            Briefings = [.. candidates.Select(c => c.Evidence.Briefing.Id)],
            LacksAttribute = [.. candidates.Select(c => AnswerDecision.LacksAttribute(c, retrieval.Query))],
            Shape = (options.MaxSentences, options.ExtraSentenceRatio),
            RefusedBeforeGate = AnswerPolicy.RefusesBeforeGate(retrieval),
        };
        return (example, right);
    }

    /// <summary>How many accept groups the sentence holds, read as the answer quotes it: after the sentence it refers back
    /// to, and for a who-question after the sentence naming the "he" or "she" it opens with.</summary>
    private static int GroupsCovered(AnswerCandidate candidate, IReadOnlyList<IReadOnlyList<string>> accept, bool withSpeaker)
    {
        var text = candidate.Sentence.RefersBack && candidate.Sentence.Previous is { } previous ? previous.Text + " " + candidate.Sentence.Text : candidate.Sentence.Text;
        if (withSpeaker && candidate.Sentence.Speaker is { } speaker)
        {
            text = speaker.Text + " " + text;
        }

        return accept.Count(group => group.Any(alt => text.Contains(alt, StringComparison.OrdinalIgnoreCase)));
    }
}
