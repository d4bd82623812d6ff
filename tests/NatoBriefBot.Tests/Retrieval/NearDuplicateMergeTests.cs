using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Retrieval;

public class NearDuplicateMergeTests
{
    private const string Statement = "Italy has pledged another SAMP/T air defence system, the Secretary General told ministers in Brussels.";

    [Fact]
    public void MergeNearDuplicates_SameStatementInTwoBriefings_KeepsBestAndListsOtherAsAgreeing()
    {
        var first = Make(1, 10, Statement, 0.9);
        var copy = Make(2, 20, "Italy has pledged another SAMP/T air defence system, the Secretary General told the ministers in Brussels.", 0.8);
        var other = Make(3, 30, "Sweden, Spain and Belgium each pledged more than EUR 1 billion in new support.", 0.7);

        var merged = HybridRetriever.MergeNearDuplicates([first, copy, other], limit: 8);

        Assert.Equal([10L, 30L], merged.Select(e => e.Passage.Id));
        Assert.Equal([20L], merged[0].AlsoIn.Select(e => e.Passage.Id));
        Assert.Empty(merged[1].AlsoIn);
    }

    [Fact]
    public void MergeNearDuplicates_SameBriefingOverlap_NotMerged()
    {
        var a = Make(1, 10, Statement, 0.9);
        var overlap = Make(1, 11, Statement, 0.8);

        var merged = HybridRetriever.MergeNearDuplicates([a, overlap], limit: 8);

        Assert.Equal(2, merged.Count);
    }

    private static Evidence Make(long briefing, long passage, string text, double score) => Evidence.Of(
        new StoredPassage(passage, briefing, 0, 0, text.Length, text),
        new StoredBriefing(briefing, $"b{briefing}.txt", $"Briefing {briefing}", null, null, null, "h", 1),
        score);
}
