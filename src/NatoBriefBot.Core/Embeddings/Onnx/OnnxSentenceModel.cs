using System.Numerics.Tensors;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// A loaded BERT-family sentence model: its word-piece tokenizer and one ONNX Runtime session. Both are thread-safe,
/// so one instance serves every caller; <see cref="EncodeBatch"/> runs one padded batch and pools each text's vector.
/// </summary>
internal sealed class OnnxSentenceModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string[] _outputNames;
    private readonly OnnxSpecialIds _specialIds;

    private OnnxSentenceModel(OnnxModelFiles files, BertTokenizer tokenizer, InferenceSession session)
    {
        Name = files.Name;
        Location = files.Location;
        Tokenizer = tokenizer;
        _session = session;
        _runOptions = new RunOptions();
        _specialIds = new OnnxSpecialIds(tokenizer.ClassificationTokenId, tokenizer.SeparatorTokenId, tokenizer.PaddingTokenId);
        try
        {
            Signature = OnnxModelSignature.Read(session, files.Location);
            _outputNames = [Signature.OutputName];
            Dimensions = Signature.HiddenSize ?? EncodeProbe();
        }
        catch
        {
            _runOptions.Dispose();
            throw;
        }
    }

    /// <summary>The model's name, e.g. <c>snowflake-arctic-embed-xs</c> or a folder name.</summary>
    public string Name { get; }

    /// <summary>Where the model was read from.</summary>
    public string Location { get; }

    public BertTokenizer Tokenizer { get; }

    public OnnxModelSignature Signature { get; }

    /// <summary>Length of the token vectors, and so of the sentence vectors.</summary>
    public int Dimensions { get; }

    /// <exception cref="BriefBotException">The vocabulary or graph cannot be read, or the graph is not a BERT-family encoder.</exception>
    public static OnnxSentenceModel Load(OnnxModelFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var tokenizer = CreateTokenizer(files);
        var session = LoadSession(files);
        try
        {
            return new OnnxSentenceModel(files, tokenizer, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the texts <paramref name="rows"/> of <paramref name="pieces"/> as one batch padded to its longest text and writes
    /// each one's unit-length vector into <paramref name="vectors"/>. Padding is masked out and pooling reads only a text's own
    /// rows, so with float weights a vector does not depend on its batch (beyond float rounding); with int8 weights it does a little
    /// (activations are quantized with one scale per call: cosine down to about 0.98 between batch sizes 1 and 32), so texts
    /// that must get the vector they get alone run alone.</summary>
    public void EncodeBatch(List<int>[] pieces, ReadOnlySpan<int> rows, OnnxPooling pooling, float[][] vectors)
    {
        var sequence = 0;
        foreach (var row in rows)
        {
            sequence = Math.Max(sequence, pieces[row].Count + 2);
        }

        using var batch = new OnnxBatchInputs(Signature, pieces, rows, sequence, _specialIds);
        using var outputs = _session.Run(_runOptions, batch.Names, batch.Values, _outputNames);
        var hidden = outputs[0];
        var shape = hidden.GetTensorTypeAndShape().Shape;
        if (shape.Length != 3 || shape[0] != rows.Length || shape[1] != sequence || shape[2] < 1)
        {
            throw new BriefBotException(
                $"The ONNX model returned '{Signature.OutputName}' with shape [{string.Join(", ", shape)}] for a batch of [{rows.Length}, {sequence}] tokens; " +
                "Embedding:Provider Onnx needs a [batch, sequence, hidden] output such as all-MiniLM-L6-v2's last_hidden_state.");
        }

        var width = (int)shape[2];
        var states = hidden.GetTensorDataAsSpan<float>();
        for (var i = 0; i < rows.Length; i++)
        {
            var tokens = states.Slice(i * sequence * width, (pieces[rows[i]].Count + 2) * width);
            vectors[rows[i]] = Normalize(pooling == OnnxPooling.Cls ? tokens[..width].ToArray() : Sum(tokens, width));
        }
    }

    /// <summary>The unit-length vector of each of the text's own word pieces ([CLS] and [SEP] left out), row after row.</summary>
    public float[] EncodeTokens(List<int> pieces)
    {
        var sequence = pieces.Count + 2;
        using var batch = new OnnxBatchInputs(Signature, [pieces], [0], sequence, _specialIds);
        using var outputs = _session.Run(_runOptions, batch.Names, batch.Values, _outputNames);
        var states = outputs[0].GetTensorDataAsSpan<float>();
        var width = states.Length / sequence;
        var rows = states.Slice(width, pieces.Count * width).ToArray();
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            var row = rows.AsSpan(offset, width);
            var norm = TensorPrimitives.Norm<float>(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return rows;
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }

    /// <summary>One intra-op thread: callers already run in parallel (the ingestion pipeline has a preparer per core), and ONNX
    /// Runtime's own pool would spin between the many small runs and take the cores from them.</summary>
    private static InferenceSession LoadSession(OnnxModelFiles files)
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
            return new InferenceSession(files.Model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new BriefBotException(
                $"The ONNX model '{files.Location}' could not be loaded ({e.Message}). Download the model again, or set Embedding:Provider to Hashing.", e);
        }
    }

    /// <summary>A BERT tokenizer over the vocabulary. Lower-casing (with accents stripped, as BERT's uncased tokenizer does)
    /// follows the model's tokenizer configuration when it has one; otherwise a vocabulary without capitalised words is uncased.</summary>
    private static BertTokenizer CreateTokenizer(OnnxModelFiles files)
    {
        try
        {
            var lowerCase = files.LowerCase ?? IsUncased(files.Vocabulary);
            using var vocabulary = new MemoryStream(files.Vocabulary, writable: false);
            return BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = lowerCase, RemoveNonSpacingMarks = lowerCase });
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new BriefBotException(
                $"The vocabulary of '{files.Location}' could not be read as a BERT word-piece vocabulary ({e.Message}). " +
                "Download the model again (model.onnx and vocab.txt), or set Embedding:Provider to Hashing.", e);
        }
    }

    /// <summary>True when no token other than the bracketed special ones ([CLS], [unused0]) has an upper-case Latin letter
    /// (uncased vocabularies still hold a few capital symbols such as ℝ).</summary>
    internal static bool IsUncased(byte[] vocabulary)
    {
        using var reader = new StringReader(Encoding.UTF8.GetString(vocabulary));
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (!(line.StartsWith('[') && line.EndsWith(']')) && line.Any(char.IsAsciiLetterUpper))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Finds the vector length of a model whose output shape leaves it symbolic.</summary>
    private int EncodeProbe()
    {
        var vectors = new float[1][];
        EncodeBatch([[]], [0], OnnxPooling.Cls, vectors);
        return vectors[0].Length;
    }

    /// <summary>The sum of a text's token rows: it points where their mean does, and <see cref="Normalize"/> scales it anyway.</summary>
    private static float[] Sum(ReadOnlySpan<float> rows, int width)
    {
        var vector = new float[width];
        for (var offset = 0; offset < rows.Length; offset += width)
        {
            TensorPrimitives.Add(vector, rows.Slice(offset, width), vector);
        }

        return vector;
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
