using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Support;

/// <summary>Builds index records the way IngestionPipeline does (chunker, embedder, analyzer terms), for tests that need
/// metadata the reader cannot give (publication dates). Vectors come from the hashing embedder unless another is given:
/// an engine that receives hashing records must be built with <see cref="HashingEngine"/>. Records for an engine with the
/// second encoder on should carry its sentence vectors too (<c>second</c>), as ingest stores them.</summary>
public static class Records
{
    /// <summary>The hashing embedder with the dimensions appsettings.json configures.</summary>
    public static readonly HashingEmbedder Embedder = new(TestEngine.Settings.GetValue("Embedding:HashingDimensions", 1024));

    /// <summary>Engine settings that select the hashing embedder, so the engine embeds questions as these records embed passages.</summary>
    public static IDictionary<string, string?> HashingEngine(IDictionary<string, string?>? overrides = null) =>
        new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>()) { ["Embedding:Provider"] = "Hashing" };

    public static readonly PassageChunker Chunker = new(180, 40);

    public static BriefingRecord Briefing(
        string file, string text, DateOnly? published = null, string? title = null, string? publisher = null, string? url = null,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null, SecondOpinionEncoder? second = null)
    {
        var chunks = Chunker.Chunk(text);
        float[] Embed(string t) => embedder is null ? Embedder.Embed(t) : embedder.GenerateAsync([t]).GetAwaiter().GetResult()[0].Vector.ToArray();
        float[]? Second(IEnumerable<string> sentences) =>
            second is { Enabled: true } ? [.. second.EmbedAsync([.. sentences]).GetAwaiter().GetResult().SelectMany(v => v)] : null;
        var passages = chunks
            .Select(c => new PassageRecord(c.Position, c.Start, c.End, c.Text, string.Join(' ', TermAnalyzer.Terms(c.Text)), Embed(c.Text),
                SentenceSplitter.Split(c.Text).SelectMany(span => Embed(span.Of(c.Text))).ToArray(),
                Second(SentenceSplitter.Split(c.Text).Select(span => span.Of(c.Text)))))
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
