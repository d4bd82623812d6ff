using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// The fitted answer-selection model: logistic regression over <see cref="AnswerFeatures.Names"/>, and the probability
/// under which the bot says the briefings don't answer the question. Both come from <c>train</c> on the training
/// questions and live in a JSON file (<c>answer-model.json</c>, shipped inside the engine; <c>Answering:ModelPath</c> points
/// at another one). Immutable and thread-safe.
/// </summary>
public sealed class AnswerModel
{
    private const string ResourceName = "NatoBriefBot.Core.Answering.Selection.answer-model.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly double[] _weights;

    public AnswerModel(IReadOnlyList<string> features, IReadOnlyList<double> weights, double threshold, AnswerModelProvenance? provenance = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        if (!features.SequenceEqual(AnswerFeatures.Names, StringComparer.Ordinal) || weights.Count != features.Count)
        {
            throw new BriefBotException(
                $"The answer model's features ({string.Join(", ", features)}) are not the ones this version computes ({string.Join(", ", AnswerFeatures.Names)}). Run `train` to refit it.");
        }

        _weights = [.. weights];
        Threshold = threshold;
        Provenance = provenance ?? new AnswerModelProvenance();
    }

    /// <summary>Below this probability for the best sentence the bot abstains.</summary>
    public double Threshold { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The feature names, in the order of <see cref="Weights"/>.</summary>
    public static IReadOnlyList<string> Features => AnswerFeatures.Names;

    public AnswerModelProvenance Provenance { get; }

    /// <summary>Probability that a sentence with these features answers the question.</summary>
    public double Probability(ReadOnlySpan<double> features)
    {
        double z = 0;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    internal void Score(IEnumerable<AnswerCandidate> candidates)
    {
        foreach (var c in candidates)
        {
            c.Probability = Probability(c.Features);
        }
    }

    /// <summary>The model shipped with the engine.</summary>
    public static AnswerModel Default()
    {
        using var stream = typeof(AnswerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new BriefBotException("The engine was built without its answer model (answer-model.json). Rebuild, or run `train`.");
        return Read(stream, "the built-in answer model");
    }

    /// <summary>Reads a model file written by <see cref="Save"/>.</summary>
    public static AnswerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BriefBotException($"Answering:ModelPath '{path}' does not exist. Run `train --out {path}` or clear the setting to use the built-in model.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public void Save(string path)
    {
        var file = new ModelFile(AnswerFeatures.Names, _weights, Threshold, Provenance);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(file, Json) + "\n");
    }

    private static AnswerModel Read(Stream stream, string name)
    {
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ModelFile>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new BriefBotException($"{name} is not a valid answer model: {ex.Message}", ex);
        }

        if (file?.Features is null || file.Weights is null)
        {
            throw new BriefBotException($"{name} is not a valid answer model (features or weights missing).");
        }

        return new AnswerModel(file.Features, file.Weights, file.Threshold, file.Provenance);
    }

    private sealed record ModelFile(
        IReadOnlyList<string> Features,
        IReadOnlyList<double> Weights,
        double Threshold,
        AnswerModelProvenance? Provenance);
}

/// <summary>Where a fitted model came from, written into its file.</summary>
public sealed record AnswerModelProvenance
{
    public string? Trained { get; init; }

    public string? Command { get; init; }

    public string? Embedder { get; init; }

    public IReadOnlyList<string> TrainingFiles { get; init; } = [];

    public int Questions { get; init; }

    public int Candidates { get; init; }

    public int Positives { get; init; }

    /// <summary>On the training questions: share answered correctly, share of negatives abstained, with the chosen threshold.</summary>
    [JsonPropertyName("train_fit")]
    public string? TrainFit { get; init; }
}
