using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>What gets ingested and how it is cut into passages. Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>The folder ingested by default and on the bot's first start.</summary>
    [Required]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Files larger than this are rejected with a reason.</summary>
    [Range(1, 512 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Token budget of one passage (cl100k tokens).</summary>
    [Range(16, 8192)]
    public int PassageTokens { get; set; } = 180;

    /// <summary>Tokens of trailing context repeated at the start of the next passage; must be below <see cref="PassageTokens"/>.</summary>
    [Range(0, 4096)]
    public int OverlapTokens { get; set; } = 40;
}
