namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// What the index records about the embedder that built it. A mismatch between the index and the configured
/// embedder means the vectors are not comparable, and the user is told to re-index.
/// </summary>
/// <param name="Name">Stable identity, e.g. <c>hashing-v1</c>, <c>onnx:all-MiniLM-L6-v2</c>, <c>openai:text-embedding-3-small</c>.</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="MaxInputTokens">Largest passage, in the embedder's own tokens, it embeds without truncation.</param>
public sealed record EmbedderProfile(string Name, int Dimensions, int MaxInputTokens);
