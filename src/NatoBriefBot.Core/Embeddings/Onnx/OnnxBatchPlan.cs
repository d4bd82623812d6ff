namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// How many texts, sorted by length, go into one inference call: as many as fit in a token budget (texts times the
/// longest of them, [CLS] and [SEP] included), at most the batch size, at least one. On a CPU small batches are faster
/// per token than large ones (a transformer layer's activations for a few hundred tokens stay in the core's cache; for
/// 32 passages they do not), and a budget keeps short sentences from being padded to the length of a passage in the
/// same call. With int8 weights a batch shares one activation scale, so only a budget of 1 (every text alone) makes
/// each vector independent of the others.
/// </summary>
internal static class OnnxBatchPlan
{
    /// <summary>[CLS] and [SEP], added to every text.</summary>
    private const int SpecialTokens = 2;

    /// <summary>The number of texts of the next batch.</summary>
    /// <param name="sortedLengths">Word-piece counts of the texts still to run, shortest first (so a batch's last text is its longest).</param>
    /// <param name="batchSize">Most texts per call.</param>
    /// <param name="batchTokens">Most padded tokens per call; a text longer than this runs alone.</param>
    public static int Rows(ReadOnlySpan<int> sortedLengths, int batchSize, int batchTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchTokens, 1);
        if (sortedLengths.IsEmpty)
        {
            return 0;
        }

        var rows = 1;
        while (rows < batchSize && rows < sortedLengths.Length && (rows + 1L) * (sortedLengths[rows] + SpecialTokens) <= batchTokens)
        {
            rows++;
        }

        return rows;
    }
}
