namespace NatoBriefBot.Core.Storage;

/// <summary>A briefing as stored in the index.</summary>
public sealed record StoredBriefing(
    long Id,
    string File,
    string Title,
    DateOnly? Published,
    string? Publisher,
    string? Url,
    string ContentHash,
    int PassageCount)
{
    /// <summary>For an undated briefing, the date of a dated briefing that reports the same event
    /// (<see cref="Ingestion.EventDating"/>); null otherwise. A question's period is matched against it; it is no
    /// publication date and is never shown as one (replies say "undated; about events of June 2023").</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>The date the briefing is placed at for a question's period: its publication date, else its event date.</summary>
    public DateOnly? PeriodDate => Published ?? EventDate;
}

/// <summary>A passage as stored: its text is exactly <c>Text[Start..End]</c> of the briefing's cleaned text.</summary>
public sealed record StoredPassage(
    long Id,
    long BriefingId,
    int Position,
    int Start,
    int End,
    string Text)
{
    /// <summary>Normalized vectors of the passage's sentences (<see cref="Text.SentenceSplitter"/> order, concatenated);
    /// empty when the index has none for this passage.</summary>
    public ReadOnlyMemory<float> SentenceVectors { get; init; }

    /// <summary>Each sentence's vector by the second encoder (<see cref="Embeddings.SecondOpinionEncoder"/>), in order;
    /// empty when it was off at ingest.</summary>
    public ReadOnlyMemory<float> SecondVectors { get; init; }

    /// <summary>The briefing's text just before this passage that the passage does not repeat (the rest of the passage
    /// before it): where a quotation the passage goes on with was opened and its speaker named. Null for a briefing's first
    /// passage, or when it was not read (<see cref="BriefingStore.GetPassages"/> reads it).</summary>
    public string? Before { get; init; }
}

/// <summary>What the bot knows, for welcome messages and the sources list.</summary>
public sealed record CatalogSummary(int BriefingCount, int PassageCount, DateOnly? Earliest, DateOnly? Latest, IReadOnlyList<StoredBriefing> Briefings);

/// <summary>Read-only view of the index for channels (welcome text, sources) and for reading round a cited passage.</summary>
public interface IBriefingCatalog
{
    Task<CatalogSummary> GetSummaryAsync(CancellationToken cancellationToken = default);

    /// <summary>The cleaned text of the briefing stored under <paramref name="file"/>; null when the index has no such file.</summary>
    string? GetText(string file);
}
