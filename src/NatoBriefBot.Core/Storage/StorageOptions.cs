using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Storage;

/// <summary>Where the index lives. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file, relative to the project root unless absolute.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/briefings.db";
}
