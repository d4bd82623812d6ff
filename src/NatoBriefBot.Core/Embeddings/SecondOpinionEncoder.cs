using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Embeddings.Onnx;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Embeddings;

/// <summary>
/// The second sentence encoder (<see cref="EmbeddingOptions.SecondOpinion"/>): at ingest it embeds every sentence, at
/// question time the question, and the answer model reads the cosine of the two beside the main embedder's. It also
/// gives each word piece's contextual vector, for matching the question's words with a sentence's one by one
/// (<see cref="TokenAlignment"/>); a sentence's are computed when it is first a candidate and kept in memory (up to
/// <see cref="EmbeddingOptions.TokenCacheMegabytes"/>). Off when the setting is empty. Thread-safe; the model
/// is loaded once per process and shared.
/// </summary>
public sealed class SecondOpinionEncoder : IDisposable
{
    private readonly OnnxBertEmbedder? _embedder;
    private readonly LruCache<string, float[]> _sentenceTokens;
    private readonly ConcurrentDictionary<int, bool> _contentPieces = new();
    private readonly long _warmLimit;

    public SecondOpinionEncoder(IOptions<EmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.SecondOpinion))
        {
            _embedder = OnnxBertEmbedder.BuiltIn(BuiltInOnnxModel.Find(o.SecondOpinion), o.OnnxMaxTokens, o.OnnxBatchSize, batchTokens: o.OnnxBatchTokens);
            Name = _embedder.Profile.Name;
        }

        _sentenceTokens = new LruCache<string, float[]>(
            int.MaxValue, o.TokenCacheMegabytes * 1024L * 1024, TimeSpan.FromDays(365), TimeProvider.System, StringComparer.Ordinal);
        _warmLimit = o.TokenCacheMegabytes * 1024L * 1024 * 3 / 4;
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

    /// <summary>The question's word-piece vectors for matching against sentences, or null when off. Only the pieces that
    /// carry meaning count: function words ("the", "did") and punctuation would match something in any sentence.</summary>
    public TokenAlignment? Align(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_embedder is null)
        {
            return null;
        }

        var (pieces, rows) = _embedder.TokenVectors(question);
        var width = _embedder.Profile.Dimensions;
        var content = new List<float>(rows.Length);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (IsContent(pieces[i]))
            {
                content.AddRange(rows.AsSpan(i * width, width));
            }
        }

        return new TokenAlignment([.. content], width, SentenceTokens);
    }

    /// <summary>Each word piece's vector of a sentence, row after row: encoded outside the cache's lock the first time,
    /// then kept while there is room.</summary>
    internal float[] SentenceTokens(string sentence)
    {
        if (_sentenceTokens.TryGet(sentence, out var rows))
        {
            return rows;
        }

        var encoded = _embedder!.TokenVectors(sentence).Rows;
        rows = _sentenceTokens.GetOrAdd(sentence, _ => encoded, out var created);
        if (created)
        {
            _sentenceTokens.SetWeight(sentence, encoded.Length * sizeof(float));
        }

        return rows;
    }

    /// <summary>Encodes the word pieces of <paramref name="sentences"/> ahead of any question, in order, so the first
    /// questions after a start do not pay for it; stops at three quarters of the cache's room, so warming never pushes out
    /// what questions have used. Returns how many sentences it encoded.</summary>
    public int Warm(IEnumerable<string> sentences, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (_embedder is null)
        {
            return 0;
        }

        var encoded = 0;
        foreach (var sentence in sentences)
        {
            ct.ThrowIfCancellationRequested();
            if (_sentenceTokens.Weight >= _warmLimit)
            {
                break;
            }

            if (!_sentenceTokens.TryGet(sentence, out _, touch: false))
            {
                SentenceTokens(sentence);
                encoded++;
            }
        }

        return encoded;
    }

    /// <summary>A piece with a letter or digit that is not a function word ("the", "did").</summary>
    private bool IsContent(int piece) => _contentPieces.GetOrAdd(piece, id =>
    {
        var text = (_embedder!.Tokenizer.Decode([id]) ?? string.Empty).TrimStart('#').Trim().ToLowerInvariant();
        return text.Any(char.IsLetterOrDigit) && !Vocabulary.StopWords.Contains(text);
    });

    public void Dispose() => _embedder?.Dispose();
}
