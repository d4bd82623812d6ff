using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// The second sentence encoder (<see cref="EmbeddingOptions.SecondOpinion"/>): at ingest it embeds every sentence, at
/// question time the question, and the answer model reads the cosine of the two beside the main embedder's. Off when
/// the setting is empty. Thread-safe; the model is loaded once per process and shared.
/// </summary>
public sealed class SecondOpinionEncoder : IDisposable
{
    private readonly OnnxBertEmbedder? _embedder;

    public SecondOpinionEncoder(IOptions<EmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.SecondOpinion))
        {
            _embedder = OnnxBertEmbedder.BuiltIn(BuiltInOnnxModel.Find(o.SecondOpinion), o.OnnxMaxTokens, o.OnnxBatchSize, batchTokens: o.OnnxBatchTokens);
            Name = _embedder.Profile.Name;
        }
    }

    /// <summary>The encoder's profile name, recorded in the ingest hash; null when off.</summary>
    public string? Name { get; }

    public bool Enabled => _embedder is not null;

    /// <summary>The vectors of <paramref name="texts"/> in order (empty when off).</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (_embedder is null || texts.Count == 0)
        {
            return [];
        }

        var embeddings = await _embedder.GenerateAsync(texts, cancellationToken: ct).ConfigureAwait(false);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    /// <summary>The question's vector, or null when off.</summary>
    public async Task<float[]?> EmbedQuestionAsync(string question, CancellationToken ct = default) =>
        _embedder is null ? null : (await EmbedAsync([question], ct).ConfigureAwait(false))[0];

    public void Dispose() => _embedder?.Dispose();
}
