namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// A briefing is known by its path relative to the folder it was ingested from, so two folders holding the same relative
/// name would replace each other. This keeps the first and refuses the other by name: within one run the folder given
/// first wins; across runs the stored one wins while its file still exists (a folder that was moved is not a collision).
/// </summary>
internal static class IngestRoots
{
    /// <summary>The files to ingest, and the refusals for those whose name is taken by a briefing from another folder.</summary>
    public static (List<BriefingFile> Accepted, List<IngestFailure> Refused) Check(IReadOnlyList<BriefingFile> files, IReadOnlyDictionary<string, string?> storedRoots)
    {
        var accepted = new Dictionary<string, BriefingFile>(StringComparer.Ordinal);
        var refused = new List<IngestFailure>();
        foreach (var file in files)
        {
            if (accepted.TryGetValue(file.Relative, out var first))
            {
                refused.Add(Refuse(file, first.FullPath, "in this run"));
            }
            else if (storedRoots.GetValueOrDefault(file.Relative) is { } root && !SameFolder(root, file.Root) && File.Exists(Path.Combine(root, file.Relative)))
            {
                refused.Add(Refuse(file, Path.Combine(root, file.Relative), "already in the index"));
            }
            else
            {
                accepted[file.Relative] = file;
            }
        }

        return ([.. accepted.Values], refused);
    }

    private static IngestFailure Refuse(BriefingFile file, string holder, string where) => new(
        file.FullPath,
        $"its name '{file.Relative}' is taken by {holder} ({where}), from another folder; briefings are known by their path inside the folder ingested, " +
        "so rename one of the two files, or ingest this folder into another index (--db)");

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
