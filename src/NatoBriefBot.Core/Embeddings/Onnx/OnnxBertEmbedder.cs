using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// Embeds text on the local CPU with a BERT-family sentence-embedding model (all-MiniLM-L6-v2 layout):
/// word-piece tokens truncated to the configured limit, one inference per batch padded to its longest input,
/// mean pooling over the attention mask, L2 normalization. One <see cref="InferenceSession"/> serves all calls;
/// it is thread-safe, so one embedder can serve concurrent requests.
/// </summary>
public sealed class OnnxBertEmbedder : IEmbeddingGenerator<string, Embedding<float>>, IProfiledEmbedder
{
    private readonly InferenceSession _session;
    private readonly OnnxModelSignature _signature;
    private readonly int _maxTokens;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly RunOptions _runOptions;
    private readonly string[] _outputNames;
    private readonly OnnxSpecialIds _specialIds;
    private int _disposed;

    /// <summary>Loads the model folder once.</summary>
    /// <param name="modelFolder">Folder with <c>model.onnx</c> and <c>vocab.txt</c>.</param>
    /// <param name="maxTokens">Longest input in word pieces, [CLS] and [SEP] included; longer texts are truncated.</param>
    /// <param name="batchSize">Texts per inference call.</param>
    /// <exception cref="BriefBotException">The folder, model or vocabulary is missing or does not fit.</exception>
    public OnnxBertEmbedder(string modelFolder, int maxTokens = 256, int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var folder = OnnxModelFolder.Open(modelFolder);
        Tokenizer = folder.CreateTokenizer();
        _maxTokens = maxTokens;
        _batchSize = batchSize;
        _specialIds = new OnnxSpecialIds(Tokenizer.ClassificationTokenId, Tokenizer.SeparatorTokenId, Tokenizer.PaddingTokenId);
        _session = LoadSession(folder.ModelPath);
        _runOptions = new RunOptions();
        try
        {
            _signature = OnnxModelSignature.Read(_session, folder.ModelPath);
            _outputNames = [_signature.OutputName];
            var dimensions = _signature.HiddenSize ?? Embed([string.Empty], CancellationToken.None)[0].Length;
            Profile = new EmbedderProfile("onnx:" + folder.Name, dimensions, maxTokens - 2);
            _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(folder.ModelPath), folder.Name, dimensions);
        }
        catch
        {
            _runOptions.Dispose();
            _session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public EmbedderProfile Profile { get; }

    /// <summary>The model's word-piece tokenizer, for counting passage length in this embedder's tokens.</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>Builds the embedder from the <c>Embedding</c> section; a relative model path is resolved against <paramref name="projectRoot"/>.</summary>
    public static OnnxBertEmbedder Create(EmbeddingOptions options, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = string.IsNullOrWhiteSpace(options.OnnxModelPath) ? options.OnnxModelPath : ProjectPaths.Resolve(projectRoot, options.OnnxModelPath);
        return new OnnxBertEmbedder(folder!, options.OnnxMaxTokens, options.OnnxBatchSize);
    }

    /// <summary>Embeds <paramref name="values"/> in order; the work runs on the calling thread.</summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var vectors = Embed(texts, cancellationToken);
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

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _runOptions.Dispose();
            _session.Dispose();
        }
    }

    /// <summary>One intra-op thread: callers already run in parallel (the ingestion pipeline has a preparer per core), and ONNX
    /// Runtime's own pool would spin between the many small runs and take the cores from them.</summary>
    private static InferenceSession LoadSession(string modelPath)
    {
        using var sessionOptions = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        try
        {
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new BriefBotException(
                $"The ONNX model '{modelPath}' could not be loaded ({e.Message}). Download the model again, or set Embedding:Provider to Hashing.", e);
        }
    }

    /// <summary>Tokenizes every text once, then runs batches of similar length (less padding) and puts the vectors back in input order.
    /// Padding is masked out and pooling covers only a text's own rows, so its vector does not depend on its batch
    /// (beyond float rounding in the model's reductions over the padded length).</summary>
    private float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var pieces = new List<int>[texts.Count];
        var lengths = new int[texts.Count];
        var order = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            pieces[i] = Tokenize(texts[i] ?? string.Empty);
            lengths[i] = pieces[i].Count;
            order[i] = i;
        }

        if (texts.Count > _batchSize)
        {
            Array.Sort(lengths, order);
        }

        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            EmbedBatch(pieces, order.AsSpan(start, Math.Min(_batchSize, order.Length - start)), vectors);
        }

        return vectors;
    }

    /// <summary>The text's word pieces, [CLS] and [SEP] not included, cut to fit between them.</summary>
    private List<int> Tokenize(string text)
    {
        var ids = Tokenizer.EncodeToIds(text, _maxTokens - 2, addSpecialTokens: false, out _, out _);
        return ids as List<int> ?? [.. ids];
    }

    private void EmbedBatch(List<int>[] pieces, ReadOnlySpan<int> rows, float[][] vectors)
    {
        var sequence = 0;
        foreach (var row in rows)
        {
            sequence = Math.Max(sequence, pieces[row].Count + 2);
        }

        using var batch = new OnnxBatchInputs(_signature, pieces, rows, sequence, _specialIds);
        using var outputs = _session.Run(_runOptions, batch.Names, batch.Values, _outputNames);
        var hidden = outputs[0];
        var shape = hidden.GetTensorTypeAndShape().Shape;
        if (shape.Length != 3 || shape[0] != rows.Length || shape[1] != sequence || shape[2] < 1)
        {
            throw new BriefBotException(
                $"The ONNX model returned '{_signature.OutputName}' with shape [{string.Join(", ", shape)}] for a batch of [{rows.Length}, {sequence}] tokens; " +
                "Embedding:Provider Onnx needs a [batch, sequence, hidden] output such as all-MiniLM-L6-v2's last_hidden_state.");
        }

        var width = (int)shape[2];
        var states = hidden.GetTensorDataAsSpan<float>();
        for (var i = 0; i < rows.Length; i++)
        {
            vectors[rows[i]] = MeanPool(states.Slice(i * sequence * width, (pieces[rows[i]].Count + 2) * width), width);
        }
    }

    /// <summary>Mean-pools the token rows of one text (its padding rows are not in the span): the sum points where the mean does,
    /// so one scaling to unit length does both.</summary>
    private static float[] MeanPool(ReadOnlySpan<float> rows, int width)
    {
        var vector = new float[width];
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            TensorPrimitives.Add(vector, rows.Slice(offset, width), vector);
        }

        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
