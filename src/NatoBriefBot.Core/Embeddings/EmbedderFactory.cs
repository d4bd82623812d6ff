using Microsoft.Extensions.AI;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>Creates the configured embedder (<c>Embedding:Provider</c>) and tells its profile.</summary>
public static class EmbedderFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider.ToUpperInvariant() switch
        {
            "HASHING" => new HashingEmbedder(options.HashingDimensions),
            "ONNX" => Onnx.OnnxBertEmbedder.Create(options, projectRoot),
            "OPENAI" or "AZUREOPENAI" => Remote.RemoteEmbedder.Create(options),
            _ => throw new BriefBotException($"Embedding:Provider '{options.Provider}' is unknown. Use Onnx, Hashing, OpenAI or AzureOpenAI."),
        };
    }

    /// <summary>The profile an embedder reports through <see cref="IEmbeddingGenerator.GetService"/>.</summary>
    public static EmbedderProfile ProfileOf(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        return embedder.GetService(typeof(EmbedderProfile)) as EmbedderProfile
            ?? throw new BriefBotException($"The embedder {embedder.GetType().Name} does not describe itself (no EmbedderProfile).");
    }
}
