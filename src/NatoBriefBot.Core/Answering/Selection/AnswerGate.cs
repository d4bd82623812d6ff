namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// The second stage of the answer model: given the sentence the first stage ranks best, is it an answer at all? A
/// question-level decision with its own inputs — how sure and how clear-cut the ranking is, how close the sentence is to
/// the question by meaning and by words, and whether the sentence's briefing has the question's names and its most
/// specific word. A probability under the gate's threshold means "the briefings don't answer this".
/// </summary>
internal static class AnswerGate
{
    /// <summary>Gate input names in column order. Changing them means re-running <c>train</c>.</summary>
    public static readonly string[] Names =
    [
        "bias",
        "best_score",          // the first stage's score for the best sentence (its log-odds for a logistic ranking)
        "margin",              // its score minus the runner-up's, up to 4: a softmax probability would be diluted by
                               // near-duplicate sentences, so the gate reads scores
        "dense",
        "passage_dense",
        "lexical",
        "names_in_sentence",
        "names_in_briefing",
        "missing_words",
        "type_missing",
        "period_missing",
        "type_match",
        "focus_lexical",
        "local_lexical",
        "plain_missing",
        "previous_briefing",
        // The second encoder's opinion, the sentence read as the question's asking clause and with its context, the kinds
        // of missing or misplaced fact the ranking knows, and how the best sentence stands against the other candidates.
        "second_dense",
        "clause_dense",
        "window_dense",
        "counted_missing",
        "role_unnamed",
        "states_period",
        "fragment",
        "refers_back",
        "top_dense",
        "top_lexical",
        "dense_gap",
        "lexical_gap",
        "local_lexical_gap",
        "passage_rank",
        "short",
        "align",
        "align_gap",
        "align_min",
        "align_window",
        "which_unnamed",
        "speaker_other",
        "other_value",
        "own_lexical",
        "own_lexical_gap",
        .. AnswerFeatures.QuestionNames,
    ];

    private static readonly int[] FromCandidate =
    [
        .. Names[3..^AnswerFeatures.QuestionNames.Length].Select(n => Array.IndexOf(AnswerFeatures.Names, n)),
    ];

    private static readonly int InConversationIndex = Array.IndexOf(Names, "in_conversation");

    /// <summary>True when these gate inputs are a follow-up's after a cited answer.</summary>
    public static bool InConversation(ReadOnlySpan<double> inputs) => inputs.Length > InConversationIndex && inputs[InConversationIndex] > 0;

    /// <summary>The gate's inputs for the best candidate (its sentence features and question coverage), given the first
    /// stage's scores of it and of the runner-up.</summary>
    public static double[] Inputs(double[] features, double[] question, double best, double runnerUp)
    {
        var v = new double[Names.Length];
        v[0] = 1;
        v[1] = best;
        v[2] = Math.Clamp(best - runnerUp, 0, 4);
        for (var i = 0; i < FromCandidate.Length; i++)
        {
            v[3 + i] = features[FromCandidate[i]];
        }

        question.CopyTo(v, 3 + FromCandidate.Length);
        return v;
    }
}
