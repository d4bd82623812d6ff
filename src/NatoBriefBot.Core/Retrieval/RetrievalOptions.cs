using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Retrieval;

/// <summary>How keyword and vector search are fused. Section <c>Retrieval</c>.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Weight of the FTS5 BM25 ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0)]
    public double KeywordWeight { get; set; } = 1.0;

    /// <summary>Weight of the vector-similarity ranking in reciprocal rank fusion.</summary>
    [Range(0.0, 10.0)]
    public double VectorWeight { get; set; } = 0.8;

    /// <summary>The k of reciprocal rank fusion: larger flattens the difference between ranks.</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 20;

    /// <summary>Candidates taken from each index before fusion.</summary>
    [Range(1, 1000)]
    public int Candidates { get; set; } = 40;

    /// <summary>Fused candidates re-scored by their best sentence before the top ones go to the composer.</summary>
    [Range(1, 200)]
    public int RerankDepth { get; set; } = 20;

    /// <summary>Share of the final score that comes from the best sentence (the rest from the fused rank).</summary>
    [Range(0.0, 1.0)]
    public double RerankWeight { get; set; } = 0.6;

    /// <summary>Passages handed to the composer.</summary>
    [Range(1, 50)]
    public int MaxEvidence { get; set; } = 8;

    /// <summary>Score multiplier for briefings published in the period a question names.</summary>
    [Range(1.0, 10.0)]
    public double DateMatchBoost { get; set; } = 1.5;

    /// <summary>Largest score multiplier for the newest briefing when a question asks for the latest.</summary>
    [Range(1.0, 10.0)]
    public double RecencyBoost { get; set; } = 1.6;

    /// <summary>Boost for the briefings the previous answer cited, when a question follows up on it.</summary>
    [Range(1.0, 10.0)]
    public double FollowUpBoost { get; set; } = 1.5;

    /// <summary>Weight of the briefings a conversation has answered from when a follow-up asks for something else ("anything
    /// else in the news about that city?"): below 1, they rank behind other briefings without being ruled out.</summary>
    [Range(0.0, 1.0)]
    public double OtherThanWeight { get; set; } = 0.5;

    /// <summary>Shortest question word that is matched to a similarly spelled index word when no briefing contains it.</summary>
    [Range(3, 50)]
    public int SpellingMinLength { get; set; } = 5;

    /// <summary>Weight of a word written only before the part of the question that asks ("I'm reading up on hybrid
    /// threats. What…"), as a share of its usual weight.</summary>
    [Range(0.0, 1.0)]
    public double ContextTermWeight { get; set; } = 0.5;
}
