using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>The index's sentences as answer selection reads them (split as <see cref="SentenceScorer"/> does).</summary>
public static class IndexedSentences
{
    /// <summary>Every indexed sentence's text, the newest briefings first (undated ones last), in reading order within each.</summary>
    public static IEnumerable<string> NewestFirst(BriefingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var briefing in store.ListBriefings().OrderByDescending(b => b.Published ?? DateOnly.MinValue))
        {
            if (store.GetBriefing(briefing.File) is not { } stored)
            {
                continue;
            }

            foreach (var passage in stored.Passages)
            {
                foreach (var sentence in SentenceScorer.Sentences(passage))
                {
                    yield return sentence.Text;
                }
            }
        }
    }
}
