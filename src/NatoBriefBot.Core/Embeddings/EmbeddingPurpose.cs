using Microsoft.Extensions.AI;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// Says that a text is a search query rather than a passage to be found. Asymmetric models (snowflake-arctic-embed,
/// e5, bge) are trained to embed queries with an instruction in front; passages are embedded as they are. The purpose
/// travels in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>, so callers keep using
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, and embedders that treat both alike ignore it.
/// </summary>
public static class EmbeddingPurpose
{
    /// <summary>Key in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
    public const string PropertyName = "natobriefbot.purpose";

    /// <summary>Value of <see cref="PropertyName"/> for search queries.</summary>
    public const string Query = "query";

    /// <summary>New options marking the texts as search queries.</summary>
    public static EmbeddingGenerationOptions ForQuery() => new() { AdditionalProperties = new() { [PropertyName] = Query } };

    /// <summary>Whether <paramref name="options"/> mark the texts as search queries.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value is Query;

    /// <summary>The options without the purpose, for embedders that pass options on to a service that knows nothing of it.</summary>
    public static EmbeddingGenerationOptions? Remove(EmbeddingGenerationOptions? options)
    {
        if (options?.AdditionalProperties?.ContainsKey(PropertyName) != true)
        {
            return options;
        }

        var copy = options.Clone();
        copy.AdditionalProperties!.Remove(PropertyName);
        if (copy.AdditionalProperties.Count == 0)
        {
            copy.AdditionalProperties = null;
        }

        return copy;
    }

    /// <summary>Embeds one search query.</summary>
    public static async Task<ReadOnlyMemory<float>> GenerateQueryVectorAsync(
        this IEmbeddingGenerator<string, Embedding<float>> embedder, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var embeddings = await embedder.GenerateAsync([query], ForQuery(), cancellationToken).ConfigureAwait(false);
        return embeddings[0].Vector;
    }
}
