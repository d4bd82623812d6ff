using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>
/// One retrieved passage with everything needed to cite it.
/// <see cref="AlsoIn"/> lists other briefings that carry the same statement (near-duplicates merged by retrieval):
/// they are cited as agreeing sources instead of repeating the passage.
/// </summary>
public sealed record Evidence(
    StoredPassage Passage,
    StoredBriefing Briefing,
    double Score,
    IReadOnlyList<Evidence> AlsoIn)
{
    public static Evidence Of(StoredPassage passage, StoredBriefing briefing, double score) => new(passage, briefing, score, []);
}
