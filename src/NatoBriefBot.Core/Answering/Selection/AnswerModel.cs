using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// The fitted answer-selection model, in two stages: logistic regression over <see cref="AnswerFeatures.Names"/> ranks the
/// candidate sentences; a second logistic regression over <see cref="AnswerGate.Names"/> (the answer gate) decides whether
/// the best of them answers at all, with the probability under which the bot says the briefings don't answer the question.
/// Both come from <c>train</c> on the training questions and live in a JSON file (<c>answer-model.json</c>, shipped inside the engine; <c>Answering:ModelPath</c> points
/// at another one). Immutable and thread-safe.
/// </summary>
public sealed class AnswerModel
{
    private const string ResourceName = "NatoBriefBot.Core.Answering.Selection.answer-model.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new TreeJsonConverter() },
    };

    private readonly double[] _weights;
    private readonly double[] _gate;

    /// <param name="threshold">First stage: the probability a supporting sentence needs.</param>
    /// <param name="gate">Second stage: the answer gate's weights over <see cref="AnswerGate.Names"/>; none means the gate
    /// passes on the first stage's probability alone.</param>
    /// <param name="gateThreshold">Under this gate probability the bot abstains.</param>
    public AnswerModel(
        IReadOnlyList<string> features,
        IReadOnlyList<double> weights,
        double threshold,
        AnswerModelProvenance? provenance = null,
        IReadOnlyList<double>? gate = null,
        double gateThreshold = 0.5,
        string ranking = Logistic,
        BoostedTrees? gateTrees = null,
        BoostedTrees? rankingTrees = null,
        double? conversationGateThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(weights);
        if (!features.SequenceEqual(AnswerFeatures.Names, StringComparer.Ordinal) || weights.Count != features.Count)
        {
            throw new BriefBotException(
                $"The answer model's features ({string.Join(", ", features)}) are not the ones this version computes ({string.Join(", ", AnswerFeatures.Names)}). Run `train` to refit it.");
        }

        if (gate is not null && gate.Count != AnswerGate.Names.Length)
        {
            throw new BriefBotException($"The answer model's gate has {gate.Count} weights; this version computes {AnswerGate.Names.Length} ({string.Join(", ", AnswerGate.Names)}). Run `train` to refit it.");
        }

        if (ranking is not (Logistic or Softmax))
        {
            throw new BriefBotException($"The answer model's ranking '{ranking}' is not one this version knows ({Logistic}, {Softmax}). Run `train` to refit it.");
        }

        if (gateTrees is not null && gateTrees.Inputs != AnswerGate.Names.Length)
        {
            throw new BriefBotException($"The answer model's gate trees read {gateTrees.Inputs} inputs; this version computes {AnswerGate.Names.Length} ({string.Join(", ", AnswerGate.Names)}). Run `train` to refit it.");
        }

        if (rankingTrees is not null && rankingTrees.Inputs != AnswerFeatures.Names.Length)
        {
            throw new BriefBotException($"The answer model's ranking trees read {rankingTrees.Inputs} features; this version computes {AnswerFeatures.Names.Length}. Run `train` to refit it.");
        }

        _weights = [.. weights];
        Ranking = ranking;
        GateTrees = gateTrees;
        RankingTrees = rankingTrees;
        Threshold = threshold;
        // Without a fitted gate: the first stage's score (a logistic ranking's log-odds) against its own threshold.
        _gate = gate is not null ? [.. gate] : [.. AnswerGate.Names.Select(n => n == "best_score" ? 1.0 : 0.0)];
        GateThreshold = gate is not null || gateTrees is not null ? gateThreshold : threshold;
        ConversationGateThreshold = gate is not null || gateTrees is not null ? conversationGateThreshold : null;
        Provenance = provenance ?? new AnswerModelProvenance();
    }

    /// <summary>Each sentence's probability on its own (logistic regression).</summary>
    public const string Logistic = "logistic";

    /// <summary>Probabilities over the question's candidates, summing to one (a conditional logit, fitted listwise).</summary>
    public const string Softmax = "softmax";

    /// <summary>How scores become probabilities: <see cref="Logistic"/> or <see cref="Softmax"/>.</summary>
    public string Ranking { get; }

    /// <summary>The probability a supporting sentence needs.</summary>
    public double Threshold { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The answer gate's weights, in the order of <see cref="AnswerGate.Names"/>.</summary>
    public IReadOnlyList<double> GateWeights => _gate;

    /// <summary>The answer gate as boosted trees over <see cref="AnswerGate.Names"/>, when <c>train</c> found them better on
    /// held-out questions than the linear gate; they then decide instead of <see cref="GateWeights"/>.</summary>
    public BoostedTrees? GateTrees { get; }

    /// <summary>Boosted trees whose margin is added to the ranking's linear score: corrections for what the weighted sum of
    /// features gets wrong (one feature mattering only with another), when <c>train</c> found they help on held-out questions.</summary>
    public BoostedTrees? RankingTrees { get; }

    /// <summary>Under this probability of the answer gate the bot abstains.</summary>
    public double GateThreshold { get; }

    /// <summary>The gate's threshold for a follow-up after a cited answer, when <c>train</c> chose one of its own: fewer
    /// turns of a conversation than new questions ask about what the briefings don't hold, so a refusal there more often
    /// costs a right answer, and the held-out turns set where the trade is best. Null: <see cref="GateThreshold"/>.</summary>
    public double? ConversationGateThreshold { get; }

    /// <summary>The threshold for the best candidate with these gate inputs: <see cref="ConversationGateThreshold"/> for a
    /// follow-up after a cited answer (<c>in_conversation</c>), else <see cref="GateThreshold"/>.</summary>
    public double GateThresholdFor(ReadOnlySpan<double> inputs) =>
        ConversationGateThreshold is { } turn && AnswerGate.InConversation(inputs) ? turn : GateThreshold;

    /// <summary>The feature names, in the order of <see cref="Weights"/>.</summary>
    public static IReadOnlyList<string> Features => AnswerFeatures.Names;

    public AnswerModelProvenance Provenance { get; }

    /// <summary>The linear score of a sentence with these features.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        double z = 0;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return RankingTrees is null ? z : z + RankingTrees.Margin(features);
    }

    /// <summary>Probability, for each candidate sentence of one question, that it is the answer.</summary>
    public double[] Probabilities(IReadOnlyList<double[]> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var z = candidates.Select(c => Score(c)).ToArray();
        if (Ranking == Logistic)
        {
            return [.. z.Select(v => 1 / (1 + Math.Exp(-v)))];
        }

        var max = z.Length == 0 ? 0 : z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    internal void Score(List<AnswerCandidate> candidates)
    {
        var p = Probabilities(candidates.Select(c => c.Features).ToList());
        for (var i = 0; i < p.Length; i++)
        {
            candidates[i].Probability = p[i];
            candidates[i].Score = Score(candidates[i].Features);
        }
    }

    /// <summary>Probability that the best candidate (with these gate inputs) answers the question at all.</summary>
    public double GateProbability(ReadOnlySpan<double> inputs)
    {
        if (GateTrees is not null)
        {
            return GateTrees.Probability(inputs);
        }

        double z = 0;
        for (var i = 0; i < _gate.Length; i++)
        {
            z += _gate[i] * inputs[i];
        }

        return 1 / (1 + Math.Exp(-z));
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
        var trees = GateTrees is null ? null : new TreesFile(GateTrees.Base, GateTrees.Trees);
        var rankingTrees = RankingTrees is null ? null : new TreesFile(RankingTrees.Base, RankingTrees.Trees);
        var file = new ModelFile(AnswerFeatures.Names, _weights, Threshold, Provenance, AnswerGate.Names, _gate, GateThreshold, Ranking, trees, rankingTrees, ConversationGateThreshold);
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

        if (file.GateFeatures is not null && !file.GateFeatures.SequenceEqual(AnswerGate.Names, StringComparer.Ordinal))
        {
            throw new BriefBotException($"{name}: its gate inputs ({string.Join(", ", file.GateFeatures)}) are not the ones this version computes. Run `train` to refit it.");
        }

        var trees = file.GateTrees is { Trees: not null } t ? new BoostedTrees(t.Base, t.Trees, AnswerGate.Names.Length) : null;
        var rankingTrees = file.RankingTrees is { Trees: not null } r ? new BoostedTrees(r.Base, r.Trees, AnswerFeatures.Names.Length) : null;
        return new AnswerModel(file.Features, file.Weights, file.Threshold, file.Provenance, file.GateWeights, file.GateThreshold, file.Ranking ?? Logistic, trees, rankingTrees, file.ConversationGateThreshold);
    }

    private sealed record ModelFile(
        IReadOnlyList<string> Features,
        IReadOnlyList<double> Weights,
        double Threshold,
        AnswerModelProvenance? Provenance,
        IReadOnlyList<string>? GateFeatures,
        IReadOnlyList<double>? GateWeights,
        double GateThreshold,
        string? Ranking,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TreesFile? GateTrees,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TreesFile? RankingTrees,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ConversationGateThreshold);

    private sealed record TreesFile(double Base, IReadOnlyList<IReadOnlyList<TreeNode>> Trees);
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

    /// <summary>Held out (gate cross-validated): right answers and right refusals less the cost of wrong answers.</summary>
    [JsonPropertyName("held_out_utility")]
    public double HeldOutUtility { get; init; }

    /// <summary>Held out (5-fold): answerable questions whose best-ranked sentence is right.</summary>
    [JsonPropertyName("held_out_ranking")]
    public int HeldOutRanking { get; init; }
}
