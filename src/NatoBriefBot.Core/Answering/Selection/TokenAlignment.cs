using System.Numerics.Tensors;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// How well a sentence covers the question word by word, by meaning: each of the question's content word pieces is
/// matched with the sentence piece whose contextual vector is closest (the recall of BERTScore, Zhang et al. 2020).
/// Unlike one cosine of two whole-text vectors, it tells a sentence that says every part of the question in other words
/// ("the alliance's boss" for "Secretary General") from one that shares the topic but not the detail asked for
/// ("cost"); unlike word overlap, it needs no thesaurus. One instance per question.
/// </summary>
public sealed class TokenAlignment(float[] question, int width, Func<string, float[]> sentenceRows)
{
    /// <summary>The mean over the question's content pieces of the best cosine with any of the sentence's pieces, and the
    /// lowest of those cosines (the part of the question the sentence says least about); (0, 0) when either has none.</summary>
    public (double Mean, double Min) Recall(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var rows = sentenceRows(sentence);
        if (rows.Length == 0 || question.Length == 0)
        {
            return (0, 0);
        }

        var scores = new float[rows.Length / width];
        double total = 0;
        var min = double.MaxValue;
        for (var offset = 0; offset < question.Length; offset += width)
        {
            var piece = question.AsSpan(offset, width);
            for (var r = 0; r < scores.Length; r++)
            {
                scores[r] = TensorPrimitives.Dot(piece, rows.AsSpan(r * width, width));
            }

            var best = TensorPrimitives.Max<float>(scores);
            total += best;
            min = Math.Min(min, best);
        }

        return (total / (question.Length / width), min);
    }
}
