namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Reads one briefing file (.txt, .md, .html) into a <see cref="ParsedBriefing"/>: decoding, HTML to text,
/// front matter or sidecar metadata, cleaning of page junk, title, publication date and publisher.
/// </summary>
public interface IBriefingReader
{
    /// <summary>The file extensions (with dot, lower case) this reader accepts.</summary>
    IReadOnlySet<string> SupportedExtensions { get; }

    /// <summary>Reads <paramref name="fullPath"/>; <see cref="ParsedBriefing.File"/> is relative to <paramref name="ingestRoot"/>.</summary>
    /// <exception cref="BriefingRejectedException">The file cannot be ingested; the message says why, for the user.</exception>
    Task<ParsedBriefing> ReadAsync(string fullPath, string ingestRoot, CancellationToken cancellationToken = default);

    /// <summary>Reads the briefing at <paramref name="fullPath"/> from <paramref name="content"/>, its bytes already read by the caller
    /// (the ingest pipeline reads each file once, to hash it). By default the file is read again.</summary>
    /// <exception cref="BriefingRejectedException">The file cannot be ingested; the message says why, for the user.</exception>
    Task<ParsedBriefing> ReadAsync(string fullPath, string ingestRoot, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        ReadAsync(fullPath, ingestRoot, cancellationToken);
}
