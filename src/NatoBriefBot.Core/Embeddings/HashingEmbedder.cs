using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// The offline default embedder. It is not a neural model: it is lexical feature hashing. Each passage becomes a
/// signed hashed bag of its normalized terms (spelling-folded, stemmed, acronyms expanded), adjacent term pairs and
/// character 4-grams of longer terms, L2-normalized. Cosine similarity then measures shared vocabulary, tolerant of
/// inflection, spelling variants and partial word overlap (Norway/Norwegian), with no download and no GPU.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>, IProfiledEmbedder
{
    public const string ProfileName = "lexical-hashing-v1";

    private const float TermWeight = 1.0f;
    private const float BigramWeight = 0.5f;
    private const float GramWeight = 0.2f;
    private const int GramSize = 4;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Dimensions - 1 when the dimensions are a power of two (then hash &amp; mask == hash % dimensions, without a division); otherwise 0.</summary>
    private readonly ulong _mask;

    public HashingEmbedder(int dimensions)
    {
        if (dimensions < 64)
        {
            throw new BriefBotException($"Embedding:HashingDimensions is {dimensions}; use at least 64.");
        }

        Dimensions = dimensions;
        _mask = ulong.IsPow2((ulong)dimensions) ? (ulong)dimensions - 1 : 0;
        Profile = new EmbedderProfile(ProfileName, dimensions, MaxInputTokens: 8192);
        _metadata = new EmbeddingGeneratorMetadata("natobriefbot-hashing", null, ProfileName, dimensions);
    }

    public int Dimensions { get; }

    public EmbedderProfile Profile { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ProfileName });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously (the work is CPU-only).</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var previous = 0UL;
        foreach (var word in TermAnalyzer.Words(text))
        {
            if (word.Term.Length > 0)
            {
                AddTerm(vector, word.Term, ref previous);
            }

            foreach (var extra in word.Expansion)
            {
                AddTerm(vector, extra, ref previous);
            }
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private void AddTerm(float[] vector, string term, ref ulong previous)
    {
        var features = Features.GetOrAdd(term, Hashes);
        Add(vector, features[0], TermWeight);
        if (previous != 0)
        {
            Add(vector, Mix(previous ^ (features[0] * 0x9E3779B97F4A7C15UL)), BigramWeight);
        }

        for (var i = 1; i < features.Length; i++)
        {
            Add(vector, features[i], GramWeight);
        }

        previous = features[0];
    }

    /// <summary>Per-term feature hashes (the term, then its character n-grams), computed once per process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ulong[]> Features = new(StringComparer.Ordinal);

    private static readonly Func<string, ulong[]> Hashes = term =>
    {
        var grams = term.Length >= GramSize + 1 && !char.IsAsciiDigit(term[0]) ? term.Length + 3 - GramSize : 0;
        var features = new ulong[1 + grams];
        features[0] = Hash(term, 0);
        for (var i = 0; i < grams; i++)
        {
            features[1 + i] = GramHash(term, i - 1);
        }

        return features;
    };

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbedderProfile))
        {
            return Profile;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private void Add(float[] vector, ulong hash, float weight)
    {
        var index = (int)(_mask != 0 ? hash & _mask : hash % (ulong)vector.Length);
        vector[index] += (hash & (1UL << 63)) != 0 ? -weight : weight;
    }

    /// <summary>FNV-1a over the characters: stable across processes and platforms (string.GetHashCode is not).</summary>
    private static ulong Hash(string s, ulong seed)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>Hash of the character n-gram of <paramref name="term"/> starting at <paramref name="start"/>, with '^' and '$' as word boundaries.</summary>
    private static ulong GramHash(string term, int start)
    {
        var h = 14695981039346656037UL ^ 0xC2B2AE3D27D4EB4FUL;
        for (var i = start; i < start + GramSize; i++)
        {
            var c = i < 0 ? '^' : i >= term.Length ? '$' : term[i];
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h);
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return h;
    }
}
