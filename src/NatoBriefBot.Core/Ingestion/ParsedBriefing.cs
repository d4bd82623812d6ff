namespace NatoBriefBot.Core.Ingestion;

/// <summary>A briefing after reading, cleaning and metadata extraction; not yet chunked.</summary>
/// <param name="File">Path relative to the ingest root, with '/' separators (e.g. <c>000_e92179c19b6e3612.txt</c>).</param>
/// <param name="Title">The headline; never empty (falls back to the file name).</param>
/// <param name="Published">Publication date found in the text or metadata; null when unknown (never guessed).</param>
/// <param name="Publisher">Publisher named by the text or metadata, if any.</param>
/// <param name="Url">Link to the original, from front matter, a sidecar file or the HTML page; only http(s) links are kept.</param>
/// <param name="Text">The cleaned article text: page junk removed, the article's own sentences intact.</param>
public sealed record ParsedBriefing(
    string File,
    string Title,
    DateOnly? Published,
    string? Publisher,
    string? Url,
    string Text)
{
    /// <summary>What the user should know about how the briefing was read (e.g. a link that was dropped).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A briefing file could not be ingested; <see cref="Exception.Message"/> is the reason shown to the user.</summary>
public sealed class BriefingRejectedException : BriefBotException
{
    public BriefingRejectedException(string message) : base(message) { }

    public BriefingRejectedException() { }

    public BriefingRejectedException(string message, Exception inner) : base(message, inner) { }
}
