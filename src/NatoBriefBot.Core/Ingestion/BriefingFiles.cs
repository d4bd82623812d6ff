namespace NatoBriefBot.Core.Ingestion;

/// <summary>A file to ingest: its absolute path, the ingest root and its path relative to that root ('/' separators).</summary>
public sealed record BriefingFile(string FullPath, string Root, string Relative);

/// <summary>Finds the briefing files under the paths given to <c>ingest</c>.</summary>
public static class BriefingFiles
{
    /// <summary>Sidecar metadata files sit next to a briefing as <c>NAME.meta.json</c> (or <c>NAME-without-extension.meta.json</c>).</summary>
    public const string SidecarSuffix = ".meta.json";

    public static bool IsSidecar(string path) => path.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> SidecarsOf(string fullPath)
    {
        var candidates = new[] { fullPath + SidecarSuffix, Path.ChangeExtension(fullPath, null) + SidecarSuffix };
        return candidates.Distinct().Where(File.Exists);
    }

    /// <summary>Every file under the folders (recursively; hidden files and sidecars skipped) and every file named directly.
    /// Files with unsupported extensions are included so that they are reported, not silently ignored.</summary>
    public static List<BriefingFile> Find(IEnumerable<string> paths, out List<string> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        missing = [];
        var files = new Dictionary<string, BriefingFile>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System }))
                {
                    var name = Path.GetFileName(file);
                    if (name.StartsWith('.') || IsSidecar(file))
                    {
                        continue;
                    }

                    files.TryAdd(file, new BriefingFile(file, full, Path.GetRelativePath(full, file).Replace('\\', '/')));
                }
            }
            else if (File.Exists(full))
            {
                files.TryAdd(full, new BriefingFile(full, Path.GetDirectoryName(full)!, Path.GetFileName(full)));
            }
            else
            {
                missing.Add(path);
            }
        }

        return files.Values.OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
    }
}
