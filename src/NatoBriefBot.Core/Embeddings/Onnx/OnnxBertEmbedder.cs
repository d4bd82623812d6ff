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
        _session = LoadSession(folder.ModelPath);
        try
        {
            _signature = OnnxModelSignature.Read(_session, folder.ModelPath);
            var dimensions = _signature.HiddenSize ?? EmbedBatch([string.Empty], 0, 1)[0].Length;
            Profile = new EmbedderProfile("onnx:" + folder.Name, dimensions, maxTokens - 2);
            _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(folder.ModelPath), folder.Name, dimensions);
        }
        catch
        {
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
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var start = 0; start < texts.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var vector in EmbedBatch(texts, start, Math.Min(_batchSize, texts.Count - start)))
            {
                result.Add(new Embedding<float>(vector) { ModelId = Profile.Name, CreatedAt = DateTimeOffset.UtcNow });
            }
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
            _session.Dispose();
        }
    }

    private static InferenceSession LoadSession(string modelPath)
    {
        using var sessionOptions = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
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

    private int[] Tokenize(string text)
    {
        var pieces = Tokenizer.EncodeToIds(text, _maxTokens - 2, addSpecialTokens: false, out _, out _);
        var ids = new int[pieces.Count + 2];
        ids[0] = Tokenizer.ClassificationTokenId;
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = Tokenizer.SeparatorTokenId;
        return ids;
    }

    private float[][] EmbedBatch(IReadOnlyList<string> texts, int start, int count)
    {
        var tokens = new int[count][];
        var sequence = 0;
        for (var i = 0; i < count; i++)
        {
            tokens[i] = Tokenize(texts[start + i] ?? string.Empty);
            sequence = Math.Max(sequence, tokens[i].Length);
        }

        using var batch = new OnnxBatchInputs(_signature, tokens, sequence, Tokenizer.PaddingTokenId);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, batch.Names, batch.Values, [_signature.OutputName]);
        var hidden = outputs[0];
        var shape = hidden.GetTensorTypeAndShape().Shape;
        if (shape.Length != 3 || shape[0] != count || shape[1] != sequence || shape[2] < 1)
        {
            throw new BriefBotException(
                $"The ONNX model returned '{_signature.OutputName}' with shape [{string.Join(", ", shape)}] for a batch of [{count}, {sequence}] tokens; " +
                "Embedding:Provider Onnx needs a [batch, sequence, hidden] output such as all-MiniLM-L6-v2's last_hidden_state.");
        }

        var width = (int)shape[2];
        var states = hidden.GetTensorDataAsSpan<float>();
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = MeanPool(states.Slice(i * sequence * width, tokens[i].Length * width), width);
        }

        return vectors;
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
