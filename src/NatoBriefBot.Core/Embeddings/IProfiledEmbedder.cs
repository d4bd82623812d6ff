namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// An embedder that can say which vectors it makes, so the index can refuse to mix vectors from different embedders
/// and the chunker can refuse passages longer than the embedder reads. Every embedder the engine builds implements
/// this next to <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>; the same profile is also returned by
/// <c>GetService(typeof(EmbedderProfile))</c>.
/// </summary>
public interface IProfiledEmbedder
{
    /// <summary>Name, vector length and input limit of this embedder.</summary>
    EmbedderProfile Profile { get; }
}
