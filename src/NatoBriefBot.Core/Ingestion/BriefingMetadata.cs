namespace NatoBriefBot.Core.Ingestion;

/// <summary>Metadata stated explicitly for a briefing (front matter, sidecar file or HTML meta tags); any part may be missing.</summary>
public sealed record BriefingMetadata(string? Title = null, DateOnly? Published = null, string? Publisher = null, string? Url = null)
{
    /// <summary>Nothing known.</summary>
    public static BriefingMetadata Empty { get; } = new();

    /// <summary>This metadata, with gaps filled from <paramref name="fallback"/>.</summary>
    public BriefingMetadata Or(BriefingMetadata fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new(Title ?? fallback.Title, Published ?? fallback.Published, Publisher ?? fallback.Publisher, Url ?? fallback.Url);
    }

    /// <summary>Builds metadata from loose key/value pairs (title, date/published, publisher/source, url/link).</summary>
    /// <exception cref="BriefingRejectedException">A date value is present but is not a valid date.</exception>
    public static BriefingMetadata FromPairs(IEnumerable<KeyValuePair<string, string?>> pairs, string origin)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        string? title = null, published = null, publisher = null, url = null;
        foreach (var (key, raw) in pairs)
        {
            var value = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            switch (key.Trim().ToLowerInvariant())
            {
                case "title" or "headline": title ??= value; break;
                case "published" or "date" or "published_at" or "publication_date" or "datepublished": published ??= value; break;
                case "publisher" or "source" or "site_name" or "site": publisher ??= value; break;
                case "url" or "link" or "source_url" or "canonical": url ??= value; break;
                default: break;
            }
        }

        DateOnly? date = null;
        if (published is not null)
        {
            date = PublicationDateParser.ParseFirst(published)
                ?? throw new BriefingRejectedException($"the {origin} has a date that is not a valid date (\"{published}\"); use a form like 2024-06-12");
        }

        return new(title, date, publisher, url);
    }
}
