using System.Collections.Concurrent;
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
    /// <summary>Each sentence's best cosine per question piece (<see cref="Best"/>), once per question.</summary>
    private readonly ConcurrentDictionary<string, float[]?> _best = new(StringComparer.Ordinal);

    /// <summary>The mean over the question's content pieces of the best cosine with any of the sentence's pieces, and the
    /// lowest of those cosines (the part of the question the sentence says least about); (0, 0) when either has none.</summary>
    public (double Mean, double Min) Recall(string sentence) => Recall(sentence, null);

    /// <summary>As <see cref="Recall(string)"/>, each question piece matched in the sentence or in
    /// <paramref name="context"/> (the sentence before it: "He added…" after the one naming him).</summary>
    public (double Mean, double Min) Recall(string sentence, string? context)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var own = Best(sentence);
        var before = context is null ? null : Best(context);
        if (own is null && before is null)
        {
            return (0, 0);
        }

        double total = 0;
        var min = double.MaxValue;
        for (var i = 0; i < question.Length / width; i++)
        {
            var best = Math.Max(own?[i] ?? float.MinValue, before?[i] ?? float.MinValue);
            total += best;
            min = Math.Min(min, best);
        }

        return (total / (question.Length / width), min);
    }

    /// <summary>How well a group of sentences (a briefing's retrieved ones) says the question between them: each question
    /// piece matched in whichever sentence says it best, the mean and the lowest of those cosines. A low lowest means
    /// some part of the question ("the Swedish pledge", "the cost") is said nowhere in them; (0, 0) when none has pieces.</summary>
    public (double Mean, double Min) Cover(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        float[]? cover = null;
        foreach (var sentence in sentences)
        {
            if (Best(sentence) is not { } best)
            {
                continue;
            }

            cover ??= Enumerable.Repeat(float.MinValue, best.Length).ToArray();
            TensorPrimitives.Max(cover, best, cover);
        }

        return cover is null ? (0, 0) : (cover.Average(c => (double)c), cover.Min());
    }

    /// <summary>For each question piece, its best cosine with any piece of <paramref name="sentence"/>; null when either has
    /// none. Kept per sentence: a sentence is read alone and as the context of the next one.</summary>
    private float[]? Best(string sentence) => _best.GetOrAdd(sentence, text =>
    {
        var rows = sentenceRows(text);
        if (rows.Length == 0 || question.Length == 0)
        {
            return null;
        }

        var scores = new float[rows.Length / width];
        var best = new float[question.Length / width];
        for (var i = 0; i < best.Length; i++)
        {
            var piece = question.AsSpan(i * width, width);
            for (var r = 0; r < scores.Length; r++)
            {
                scores[r] = TensorPrimitives.Dot(piece, rows.AsSpan(r * width, width));
            }

            best[i] = TensorPrimitives.Max<float>(scores);
        }

        return best;
    });
}
