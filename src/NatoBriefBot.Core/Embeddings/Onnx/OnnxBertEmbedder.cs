using Microsoft.Extensions.AI;
using Microsoft.ML.Tokenizers;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// Embeds text on the local CPU with a BERT-family sentence-embedding model: word-piece tokens truncated to the
/// configured limit, batches of similar length within a token budget padded only to their own longest text
/// (<see cref="OnnxBatchPlan"/>; by default one text per call), mean or [CLS] pooling, L2 normalization; a text given more than
/// once in a call is encoded once. Search queries (<see cref="EmbeddingPurpose"/>) get the model's query prefix first. The model is
/// either a built-in one (<see cref="BuiltInOnnxModel"/>, loaded once per process and shared) or a folder in the
/// all-MiniLM-L6-v2 layout (loaded by and disposed with this embedder). Thread-safe.
/// </summary>
public sealed class OnnxBertEmbedder : IEmbeddingGenerator<string, Embedding<float>>, IProfiledEmbedder
{
    private readonly OnnxSentenceModel _model;
    private readonly bool _ownsModel;
    private readonly int _maxTokens;
    private readonly int _batchSize;
    private readonly int _batchTokens;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private int _disposed;

    /// <summary>Loads a model folder (<c>model.onnx</c> + <c>vocab.txt</c>) for this embedder alone.</summary>
    /// <param name="modelFolder">Folder with <c>model.onnx</c> and <c>vocab.txt</c>.</param>
    /// <param name="maxTokens">Longest input in word pieces, [CLS] and [SEP] included; longer texts are truncated.</param>
    /// <param name="batchSize">Most texts per inference call.</param>
    /// <param name="pooling">The pooling the model was trained with.</param>
    /// <param name="queryPrefix">Text put before search queries; empty for symmetric models.</param>
    /// <param name="int8">Quantize the weight matrices to int8 on load (about twice as fast; vectors keep a cosine of about 0.998 with the float model's).</param>
    /// <param name="batchTokens">Most padded tokens (texts times the longest one, [CLS] and [SEP] included) per inference call; a longer text runs alone.</param>
    /// <exception cref="BriefBotException">The folder, model or vocabulary is missing or does not fit.</exception>
    public OnnxBertEmbedder(
        string modelFolder, int maxTokens = 256, int batchSize = 32, OnnxPooling pooling = OnnxPooling.Mean, string queryPrefix = "", bool int8 = false, int batchTokens = DefaultBatchTokens)
        : this(LoadFolder(modelFolder, int8), ownsModel: true, maxTokens, batchSize, batchTokens, pooling, queryPrefix)
    {
    }

    private OnnxBertEmbedder(OnnxSentenceModel model, bool ownsModel, int maxTokens, int batchSize, int batchTokens, OnnxPooling pooling, string queryPrefix)
    {
        _model = model;
        _ownsModel = ownsModel;
        if (maxTokens < 3 || batchSize < 1 || batchTokens < 1)
        {
            Dispose();
            ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
            ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(batchTokens, 1);
        }

        _maxTokens = maxTokens;
        _batchSize = batchSize;
        _batchTokens = batchTokens;
        Pooling = pooling;
        QueryPrefix = queryPrefix ?? string.Empty;
        Profile = new EmbedderProfile(ProfileName(model.Name, pooling), model.Dimensions, maxTokens - 2);
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(model.Location), model.Name, model.Dimensions);
    }

    /// <summary>The default of <see cref="EmbeddingOptions.OnnxBatchTokens"/>: every text runs alone. On a CPU that takes within 5–10%
    /// of the CPU of the best batching (a few hundred tokens per call; 32 passages per call take twice as much), and with int8 weights
    /// it is the only way a text's vector does not depend on the texts embedded with it (activations are quantized per call).</summary>
    public const int DefaultBatchTokens = 1;

    /// <inheritdoc />
    public EmbedderProfile Profile { get; }

    /// <summary>How token vectors become the sentence vector.</summary>
    public OnnxPooling Pooling { get; }

    /// <summary>Put before every search query; empty for symmetric models.</summary>
    public string QueryPrefix { get; }

    /// <summary>The model's word-piece tokenizer, for counting passage length in this embedder's tokens.</summary>
    public BertTokenizer Tokenizer => _model.Tokenizer;

    /// <summary>The profile name: the model and its pooling, since vectors pooled differently are not comparable.</summary>
    public static string ProfileName(string model, OnnxPooling pooling) =>
        $"onnx:{model}:{pooling.ToString().ToLowerInvariant()}";

    /// <summary>Builds the embedder from the <c>Embedding</c> section: the folder in <c>OnnxModelPath</c> when set (a relative
    /// path is resolved against <paramref name="projectRoot"/>), otherwise the built-in model named by <c>OnnxModel</c>.</summary>
    public static OnnxBertEmbedder Create(EmbeddingOptions options, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pooling = ParsePooling(options.OnnxPooling);
        if (!string.IsNullOrWhiteSpace(options.OnnxModelPath))
        {
            var folder = ProjectPaths.Resolve(projectRoot, options.OnnxModelPath);
            return new OnnxBertEmbedder(
                folder, options.OnnxMaxTokens, options.OnnxBatchSize, pooling ?? OnnxPooling.Mean, options.OnnxQueryPrefix ?? string.Empty, options.OnnxInt8 ?? false, options.OnnxBatchTokens);
        }

        if (string.IsNullOrWhiteSpace(options.OnnxModel))
        {
            throw new BriefBotException(
                "Embedding:OnnxModel and Embedding:OnnxModelPath are both empty. Set OnnxModel to a built-in model " +
                $"({string.Join(", ", BuiltInOnnxModel.All.Select(m => m.Name))}) or OnnxModelPath to a folder with model.onnx and vocab.txt, " +
                "or set Embedding:Provider to Hashing.");
        }

        return BuiltIn(BuiltInOnnxModel.Find(options.OnnxModel), options.OnnxMaxTokens, options.OnnxBatchSize, pooling, options.OnnxQueryPrefix, options.OnnxInt8 ?? true, options.OnnxBatchTokens);
    }

    /// <summary>An embedder on a built-in model, sharing the process-wide session; pooling and query prefix default to the model's own.</summary>
    public static OnnxBertEmbedder BuiltIn(
        BuiltInOnnxModel model, int maxTokens = 256, int batchSize = 32, OnnxPooling? pooling = null, string? queryPrefix = null, bool int8 = true, int batchTokens = DefaultBatchTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new OnnxBertEmbedder(model.Shared(int8), ownsModel: false, maxTokens, batchSize, batchTokens, pooling ?? model.Pooling, queryPrefix ?? model.QueryPrefix);
    }

    private static OnnxSentenceModel LoadFolder(string folder, bool int8)
    {
        var files = OnnxModelFolder.Open(folder).Read();
        return OnnxSentenceModel.Load(int8 ? files.Int8() : files);
    }

    /// <summary>Embeds <paramref name="values"/> in order; the work runs on the calling thread. Options made by
    /// <see cref="EmbeddingPurpose.ForQuery"/> put <see cref="QueryPrefix"/> before each text.</summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var vectors = Embed(texts, EmbeddingPurpose.IsQuery(options) ? QueryPrefix : string.Empty, cancellationToken);
        var createdAt = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = Profile.Name, CreatedAt = createdAt });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(EmbedderProfile) ? Profile
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases a folder model; a built-in model stays loaded for the other embedders of the process.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsModel)
        {
            _model.Dispose();
        }
    }

    private static OnnxPooling? ParsePooling(string? pooling) =>
        string.IsNullOrWhiteSpace(pooling) ? null
        : Enum.TryParse<OnnxPooling>(pooling, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new BriefBotException($"Embedding:OnnxPooling '{pooling}' is unknown. Use Mean or Cls (the pooling the model was trained with), or leave it empty for the model's own.");

    /// <summary>Tokenizes every distinct text once, sorts them by length and runs batches of neighbours
    /// (<see cref="OnnxBatchPlan"/>), so each batch is padded only to its own longest text; the vectors go back in input
    /// order, a repeated text getting its first occurrence's vector.</summary>
    private float[][] Embed(IReadOnlyList<string> texts, string prefix, CancellationToken cancellationToken)
    {
        var unique = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
        var source = new int[texts.Count];
        var pieces = new List<List<int>>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? string.Empty;
            if (!unique.TryGetValue(text, out source[i]))
            {
                source[i] = unique[text] = pieces.Count;
                pieces.Add(Tokenize(prefix + text));
            }
        }

        var distinct = pieces.ToArray();
        var lengths = new int[distinct.Length];
        var order = new int[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            lengths[i] = distinct[i].Count;
            order[i] = i;
        }

        Array.Sort(lengths, order);
        var encoded = new float[distinct.Length][];
        for (var start = 0; start < order.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = OnnxBatchPlan.Rows(lengths.AsSpan(start), _batchSize, _batchTokens);
            _model.EncodeBatch(distinct, order.AsSpan(start, rows), Pooling, encoded);
            start += rows;
        }

        if (distinct.Length == texts.Count)
        {
            return encoded;
        }

        // Each caller gets its own array, even for a repeated text.
        var vectors = new float[texts.Count][];
        var handedOut = new bool[distinct.Length];
        for (var i = 0; i < texts.Count; i++)
        {
            var k = source[i];
            vectors[i] = handedOut[k] ? (float[])encoded[k].Clone() : encoded[k];
            handedOut[k] = true;
        }

        return vectors;
    }

    /// <summary>The text's word pieces and each one's unit-length contextual vector (rows of <see cref="Profile"/>'s dimensions).</summary>
    public (List<int> Pieces, float[] Rows) TokenVectors(string text)
    {
        var pieces = Tokenize(text ?? string.Empty);
        return (pieces, _model.EncodeTokens(pieces));
    }

    /// <summary>The text's word pieces, [CLS] and [SEP] not included, cut to fit between them.</summary>
    private List<int> Tokenize(string text)
    {
        var ids = _model.Tokenizer.EncodeToIds(text, _maxTokens - 2, addSpecialTokens: false, out _, out _);
        return ids as List<int> ?? [.. ids];
    }
}
