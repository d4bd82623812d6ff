namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// What <see cref="AnswerModelTrainer.Fit"/> tries, each chosen by cross-validation: regularization strengths for the
/// listwise and the pointwise ranking (no listwise strengths: no listwise ranking), tree shapes for correcting the
/// pointwise one, strengths for a linear gate and shapes for a boosted one.
/// </summary>
public sealed record TrainingSearch(
    IReadOnlyList<double> ListwiseL2,
    IReadOnlyList<double> PointwiseL2,
    IReadOnlyList<TreeSettings> Corrections,
    IReadOnlyList<double> GateL2,
    IReadOnlyList<TreeSettings> GateTrees)
{
    /// <summary>Every strength and shape: what a model that ships is fitted with (about two hours on two cores).</summary>
    public static TrainingSearch Full { get; } = new(
        ListwiseL2: [0.03, 0.1, 0.3, 1, 3],
        // Its loss sums over sentences, not questions: stronger penalties than the listwise one's.
        PointwiseL2: [0.1, 0.3, 1, 3, 10],
        // Shallow trees: the logistic ranking is already mostly right.
        Corrections: [new(50, 2), new(100, 3), new(200, 3), new(300, 3), new(200, 4), new(300, 4), new(200, 5), new(300, 5), new(200, 6), new(300, 6), new(200, 7)],
        GateL2: [0.1, 0.3, 1, 3, 10],
        // Shallow trees (two to six questions each), few or more of them. The deepest and longest shapes were added when
        // the shapes then tried were all beaten by the largest of them.
        GateTrees: [.. new TreeSettings[]
        {
            new(50, 2), new(100, 2), new(200, 2), new(50, 3), new(100, 3), new(200, 3), new(300, 3), new(200, 4), new(400, 4), new(200, 5), new(600, 4), new(400, 5), new(600, 5), new(400, 6), new(800, 5), new(600, 6),
        }.Select(s => s with { Bags = AnswerModelTrainer.GateBags })]);

    /// <summary>One of each: the strengths and shapes the full search chose for the shipped models of late. For comparing
    /// one set of features with another in a fraction of the time; its held-out figures compare only with other quick
    /// fits', and a model that ships comes from the full search.</summary>
    public static TrainingSearch Quick { get; } = new(
        ListwiseL2: [],
        PointwiseL2: [0.1],
        Corrections: [new(200, 7)],
        GateL2: [1],
        GateTrees: [new TreeSettings(400, 6) with { Bags = AnswerModelTrainer.GateBags }]);
}
