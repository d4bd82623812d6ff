using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Storage;

/// <summary>Where the index lives. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file, relative to the project root unless absolute.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/briefings.db";

    /// <summary>When set, the bot serves the newest index snapshot published into this folder (<c>ingest --publish</c>),
    /// never writes the index and picks up a new snapshot without a restart. <see cref="DatabasePath"/> then only holds
    /// feedback, unless Redis does.</summary>
    public string SnapshotFolder { get; set; } = string.Empty;
}
