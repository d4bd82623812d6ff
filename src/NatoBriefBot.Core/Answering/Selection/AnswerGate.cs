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
        "best_logit",          // the first stage's log-odds for the best sentence
        "margin",              // its probability minus the runner-up's
        "dense",
        "passage_dense",
        "lexical",
        "names_in_sentence",
        "names_in_briefing",
        "missing_words",
        "type_missing",
        "period_missing",
        .. AnswerFeatures.QuestionNames,
    ];

    private static readonly int[] FromCandidate =
    [
        .. Names[3..11].Select(n => Array.IndexOf(AnswerFeatures.Names, n)),
    ];

    /// <summary>The gate's inputs for the best candidate (its sentence features and question coverage), given the first
    /// stage's probabilities of it and of the runner-up.</summary>
    public static double[] Inputs(double[] features, double[] question, double best, double runnerUp)
    {
        var p = Math.Clamp(best, 1e-6, 1 - 1e-6);
        var v = new double[Names.Length];
        v[0] = 1;
        v[1] = Math.Log(p / (1 - p));
        v[2] = best - runnerUp;
        for (var i = 0; i < FromCandidate.Length; i++)
        {
            v[3 + i] = features[FromCandidate[i]];
        }

        question.CopyTo(v, 3 + FromCandidate.Length);
        return v;
    }
}
