using System.Text.Json;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Optional metadata file next to a briefing: <c>&lt;file name&gt;.meta.json</c> (e.g. <c>000_x.txt.meta.json</c>)
/// or <c>&lt;name without extension&gt;.meta.json</c> (e.g. <c>000_x.meta.json</c>); the first wins.
/// JSON keys: title, published (or date), publisher (or source), url (or link).
/// </summary>
public static class SidecarMetadata
{
    /// <summary>The suffix that marks a sidecar file.</summary>
    public const string Suffix = ".meta.json";

    /// <summary>True when <paramref name="path"/> is a sidecar metadata file, which must not be ingested as a briefing.</summary>
    public static bool IsSidecar(string path) =>
        !string.IsNullOrEmpty(path) && Path.GetFileName(path).EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar paths looked for, in order, for the briefing at <paramref name="briefingPath"/>.</summary>
    public static IReadOnlyList<string> CandidatePaths(string briefingPath)
    {
        ArgumentNullException.ThrowIfNull(briefingPath);
        var folder = Path.GetDirectoryName(briefingPath) ?? "";
        return
        [
            briefingPath + Suffix,
            Path.Combine(folder, Path.GetFileNameWithoutExtension(briefingPath) + Suffix),
        ];
    }

    /// <summary>Reads the sidecar of <paramref name="briefingPath"/>; empty metadata when there is none.</summary>
    /// <exception cref="BriefingRejectedException">The sidecar exists but is unreadable, not a JSON object, or has an invalid date.</exception>
    public static async Task<BriefingMetadata> LoadAsync(string briefingPath, CancellationToken cancellationToken = default)
    {
        var path = CandidatePaths(briefingPath).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return BriefingMetadata.Empty;
        }

        var name = Path.GetFileName(path);
        try
        {
            await using var stream = File.OpenRead(path);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BriefingRejectedException($"the metadata file {name} must hold a JSON object like {{\"title\": \"...\", \"published\": \"2024-06-12\"}}");
            }

            var pairs = json.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.ToString()));
            return BriefingMetadata.FromPairs(pairs, $"metadata file {name}");
        }
        catch (JsonException ex)
        {
            throw new BriefingRejectedException($"the metadata file {name} is not valid JSON (line {ex.LineNumber + 1}); fix or remove it", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BriefingRejectedException($"the metadata file {name} could not be read ({ex.Message})", ex);
        }
    }
}
