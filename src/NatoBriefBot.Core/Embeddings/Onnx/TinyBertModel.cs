using System.Text;

namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>How <see cref="TinyBertModel.Write"/> shapes the model it writes.</summary>
public sealed record TinyBertModelOptions
{
    /// <summary>Vector length of <c>last_hidden_state</c>.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Seed of the pseudo-random weights; the same seed writes the same bytes.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Declare and use a <c>token_type_ids</c> input, as BERT exports do.</summary>
    public bool TokenTypeIds { get; init; } = true;

    /// <summary>Declare and use an <c>attention_mask</c> input; without it every position counts as a real token.</summary>
    public bool AttentionMask { get; init; } = true;

    /// <summary>Write the hidden size into the output shape; when false it is symbolic and only a run reveals it.</summary>
    public bool DeclareHiddenSize { get; init; } = true;
}

/// <summary>
/// A tiny, deterministic stand-in for a BERT sentence-embedding model in the all-MiniLM-L6-v2 folder layout
/// (<c>model.onnx</c> + <c>vocab.txt</c>), for tests and benchmarks on machines that cannot download real weights.
/// It has the same inputs and output as the real export; per position it computes
/// <c>tanh(word[id] + type[type_id] + mean of word[...] over the attended positions)</c>, so padding must be masked
/// out exactly as with a real transformer. Its vectors carry no meaning beyond the words they contain.
/// </summary>
public sealed class TinyBertModel
{
    public const string ModelFileName = "model.onnx";
    public const string VocabFileName = "vocab.txt";
    public const string OutputName = "last_hidden_state";

    private TinyBertModel(string folder, TinyBertModelOptions options, IReadOnlyList<string> vocabulary, float[] wordEmbeddings, float[] typeEmbeddings)
    {
        Folder = folder;
        Options = options;
        Vocabulary = vocabulary;
        WordEmbeddings = wordEmbeddings;
        TypeEmbeddings = typeEmbeddings;
    }

    /// <summary>The folder holding <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
    public string Folder { get; }

    public TinyBertModelOptions Options { get; }

    public int HiddenSize => Options.HiddenSize;

    /// <summary>The tokens of <c>vocab.txt</c>; index = token id.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>Row-major [vocabulary size, hidden size].</summary>
    public ReadOnlyMemory<float> WordEmbeddings { get; }

    /// <summary>Row-major [2, hidden size].</summary>
    public ReadOnlyMemory<float> TypeEmbeddings { get; }

    /// <summary>Writes <c>model.onnx</c> and <c>vocab.txt</c> into <paramref name="folder"/>, creating it if needed.</summary>
    public static TinyBertModel Write(string folder, TinyBertModelOptions? options = null)
    {
        options ??= new TinyBertModelOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HiddenSize, 1, nameof(options));

        var vocabulary = TinyBertVocabulary.Build();
        var random = new SplitMix64(options.Seed);
        var words = random.NextFloats(vocabulary.Count * options.HiddenSize);
        var types = random.NextFloats(2 * options.HiddenSize);

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, VocabFileName), string.Join('\n', vocabulary) + "\n", new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(folder, ModelFileName), BuildModel(options, vocabulary.Count, words, types));
        return new TinyBertModel(folder, options, vocabulary, words, types);
    }

    private static byte[] BuildModel(TinyBertModelOptions options, int vocabularySize, float[] words, float[] types)
    {
        var hidden = options.HiddenSize;
        var initializers = new List<byte[]>
        {
            OnnxProtoWriter.FloatTensor("word_embeddings", [vocabularySize, hidden], words),
            OnnxProtoWriter.FloatTensor("token_type_embeddings", [2, hidden], types),
            OnnxProtoWriter.Int64Tensor("sequence_axis", [1], [1]),
            OnnxProtoWriter.Int64Tensor("last_axis", [1], [-1]),
        };
        var inputs = new List<byte[]> { OnnxProtoWriter.ValueInfo("input_ids", OnnxProtoWriter.Int64Type, "batch_size", "sequence_length") };
        var nodes = new List<byte[]> { OnnxProtoWriter.Node("Gather", ["word_embeddings", "input_ids"], ["words"]) };

        if (options.AttentionMask)
        {
            inputs.Add(OnnxProtoWriter.ValueInfo("attention_mask", OnnxProtoWriter.Int64Type, "batch_size", "sequence_length"));
            nodes.Add(OnnxProtoWriter.Node("Cast", ["attention_mask"], ["mask"], OnnxProtoWriter.IntAttribute("to", OnnxProtoWriter.FloatType)));
            nodes.Add(OnnxProtoWriter.Node("Unsqueeze", ["mask", "last_axis"], ["mask3"]));
            nodes.Add(OnnxProtoWriter.Node("Mul", ["words", "mask3"], ["masked_words"]));
            nodes.Add(OnnxProtoWriter.Node("ReduceSum", ["masked_words", "sequence_axis"], ["context_sum"], OnnxProtoWriter.IntAttribute("keepdims", 1)));
            nodes.Add(OnnxProtoWriter.Node("ReduceSum", ["mask3", "sequence_axis"], ["context_count"], OnnxProtoWriter.IntAttribute("keepdims", 1)));
            nodes.Add(OnnxProtoWriter.Node("Div", ["context_sum", "context_count"], ["context"]));
        }
        else
        {
            nodes.Add(OnnxProtoWriter.Node("ReduceMean", ["words"], ["context"], OnnxProtoWriter.IntsAttribute("axes", 1), OnnxProtoWriter.IntAttribute("keepdims", 1)));
        }

        var sum = "words_in_context";
        nodes.Add(OnnxProtoWriter.Node("Add", ["words", "context"], [sum]));
        if (options.TokenTypeIds)
        {
            inputs.Add(OnnxProtoWriter.ValueInfo("token_type_ids", OnnxProtoWriter.Int64Type, "batch_size", "sequence_length"));
            nodes.Add(OnnxProtoWriter.Node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"]));
            nodes.Add(OnnxProtoWriter.Node("Add", [sum, "types"], ["typed_words"]));
            sum = "typed_words";
        }

        nodes.Add(OnnxProtoWriter.Node("Tanh", [sum], [OutputName]));
        object hiddenDim = options.DeclareHiddenSize ? hidden : "hidden_size";
        var output = OnnxProtoWriter.ValueInfo(OutputName, OnnxProtoWriter.FloatType, "batch_size", "sequence_length", hiddenDim);
        var graph = OnnxProtoWriter.Graph("tiny_bert", nodes, initializers, inputs, [output]);
        return OnnxProtoWriter.Model(graph, opsetVersion: 13, producer: "NatoBriefBot.TinyBertModel");
    }

    /// <summary>SplitMix64: a fixed, documented generator, so weights never depend on the runtime's Random.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public float[] NextFloats(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = (float)((Next() >> 11) * (1.0 / (1UL << 53)) * 2.0 - 1.0);
            }

            return values;
        }

        private ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
