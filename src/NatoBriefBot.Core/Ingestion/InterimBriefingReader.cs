using System.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>Temporary reader: plain UTF-8 text, first line as title. Replaced by the full reader.</summary>
internal sealed class InterimBriefingReader : IBriefingReader
{
    public IReadOnlySet<string> SupportedExtensions { get; } = new HashSet<string> { ".txt", ".md" };

    public async Task<ParsedBriefing> ReadAsync(string fullPath, string ingestRoot, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(fullPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BriefingRejectedException("the file is empty");
        }

        var title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return new ParsedBriefing(Path.GetRelativePath(ingestRoot, fullPath).Replace('\\', '/'), title, null, null, null, text.Trim());
    }
}
