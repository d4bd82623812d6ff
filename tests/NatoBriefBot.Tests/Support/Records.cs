using Microsoft.Extensions.Configuration;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Support;

/// <summary>Builds index records the way IngestionPipeline does (chunker, hashing embedder, analyzer terms),
/// for tests that need metadata the reader cannot give (publication dates).</summary>
public static class Records
{
    /// <summary>The hashing embedder as appsettings.json configures it, so records match what the engine embeds.</summary>
    public static readonly HashingEmbedder Embedder = new(TestEngine.Settings.GetValue("Embedding:HashingDimensions", 1024));

    public static readonly PassageChunker Chunker = new(180, 40);

    public static BriefingRecord Briefing(string file, string text, DateOnly? published = null, string? title = null, string? publisher = null, string? url = null)
    {
        var passages = Chunker.Chunk(text)
            .Select(c => new PassageRecord(c.Position, c.Start, c.End, c.Text, string.Join(' ', TermAnalyzer.Terms(c.Text)), Embedder.Embed(c.Text)))
            .ToList();
        return new BriefingRecord(file, title ?? file, published, publisher, url, "hash-" + Guid.NewGuid().ToString("N"), text, passages);
    }

    /// <summary>A fresh store over a file in <paramref name="folder"/>, with the hashing embedder recorded.</summary>
    public static BriefingStore Store(TempFolder folder, string name = "index.db")
    {
        var store = new BriefingStore(folder.Combine(name));
        store.EnsureEmbedder(Embedder.Profile);
        return store;
    }
}
