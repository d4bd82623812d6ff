using System.Runtime.InteropServices;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>One node of a regression tree: a split (<see cref="Feature"/> ≥ 0: go <see cref="Left"/> when the input is
/// under <see cref="Threshold"/>, else <see cref="Right"/>) or a leaf (<see cref="Feature"/> −1) adding <see cref="Value"/>.
/// A value, not an object: a gate of ten averaged fits holds a quarter of a million nodes, walked on every question.</summary>
public readonly record struct TreeNode(int Feature, double Threshold, int Left, int Right, double Value);

/// <summary>How boosted trees are grown: the rounds, their depth and the learning rate.</summary>
public sealed record TreeSettings(int Rounds, int Depth, double LearningRate = 0.1)
{
    /// <summary>L2 penalty on leaf values (as in XGBoost's lambda): a leaf backed by few rows stays near zero.</summary>
    public double LeafL2 { get; init; } = 1;

    /// <summary>The least curvature (sum of p(1−p)) a child needs: no leaf for a handful of rows.</summary>
    public double MinChildWeight { get; init; } = 3;

    /// <summary>The share of rows each tree is grown on, drawn afresh for every tree (Friedman's stochastic gradient
    /// boosting): trees that each see a different part of the data fit its noise less. The draws are seeded, so a fit is
    /// reproducible.</summary>
    public double Subsample { get; init; } = 0.7;

    /// <summary>How many fits, each with its own row draws, are averaged (their log-odds): one fit's trees follow the
    /// draws it happened to get; the average of several moves less with them, and with the data (bagging).</summary>
    public int Bags { get; init; } = 1;

    public override string ToString() => Bags > 1
        ? FormattableString.Invariant($"{Bags} averaged fits of {Rounds} trees of depth {Depth}, rate {LearningRate}")
        : FormattableString.Invariant($"{Rounds} trees of depth {Depth}, rate {LearningRate}");
}

/// <summary>
/// Gradient-boosted regression trees for a yes/no outcome: the log-odds are a base value plus the sum of small trees,
/// each fitted to the logistic loss's gradient and curvature of the ones before (Newton boosting, as XGBoost and
/// LightGBM do). Unlike a logistic regression it can weigh one input by another ("the names are there" only matters
/// when the sentence is close in meaning). Immutable; a few dozen trees of depth two or three read in microseconds.
/// </summary>
public sealed class BoostedTrees
{
    public BoostedTrees(double @base, IReadOnlyList<IReadOnlyList<TreeNode>> trees, int inputs)
    {
        ArgumentNullException.ThrowIfNull(trees);
        foreach (var tree in trees)
        {
            if (tree.Count == 0 || tree.Any(n => n.Feature >= inputs ||
                    (n.Feature >= 0 && (n.Left <= 0 || n.Right <= 0 || n.Left >= tree.Count || n.Right >= tree.Count))))
            {
                throw new BriefBotException($"A boosted tree of the answer model is malformed (a split on an input past the {inputs} there are, or a branch outside the tree). Run `train` to refit it.");
            }
        }

        Base = @base;
        _trees = [.. trees.Select(t => t.ToArray())];
        Trees = _trees;
        Inputs = inputs;
    }

    /// <summary>The trees as arrays, walked without an interface call per node.</summary>
    private readonly TreeNode[][] _trees;

    public double Base { get; }

    public IReadOnlyList<IReadOnlyList<TreeNode>> Trees { get; }

    /// <summary>How many inputs a row has.</summary>
    public int Inputs { get; }

    /// <summary>The log-odds for one row of inputs.</summary>
    public double Margin(ReadOnlySpan<double> x)
    {
        var z = Base;
        foreach (var tree in _trees)
        {
            z += Leaf(tree, x);
        }

        return z;
    }

    public double Probability(ReadOnlySpan<double> x) => 1 / (1 + Math.Exp(-Margin(x)));

    /// <summary>Fits trees to rows labelled yes/no.</summary>
    /// <param name="start">Log-odds another model already gives each row: the trees then learn what it gets wrong (their
    /// base is zero, and their margin is added to that model's).</param>
    public static BoostedTrees Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, TreeSettings settings, IReadOnlyList<double>? start = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(settings);
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException("Boosted trees need as many labels as rows, and at least one row.", nameof(y));
        }

        // Each input is cut once, up front, and every row keeps the number of its bin: a split is then found from
        // per-bin sums (a histogram), one pass over the node's rows, as LightGBM does. The fits of a bag share the bins.
        var d = x[0].Length;
        var cuts = Enumerable.Range(0, d).Select(j => Cuts(x, j)).ToArray();
        var bins = new byte[d][];
        for (var j = 0; j < d; j++)
        {
            bins[j] = new byte[x.Count];
            for (var i = 0; i < x.Count; i++)
            {
                var bin = Array.BinarySearch(cuts[j], x[i][j]);
                // A value equal to a cut goes right of it (the reader's test is "under the threshold: left").
                bins[j][i] = (byte)(bin >= 0 ? bin + 1 : ~bin);
            }
        }

        if (settings.Bags > 1)
        {
            // The average of the fits' log-odds is itself a sum of trees: all of them, each leaf divided by the count.
            // Each fit has its own seed and buffers, so they run side by side and give the same trees in any order.
            var fits = new BoostedTrees[settings.Bags];
            Parallel.For(0, settings.Bags, b => fits[b] = FitOne(x, y, cuts, bins, settings, start, Seed + b));
            return new BoostedTrees(
                fits.Average(f => f.Base),
                [.. fits.SelectMany(f => f.Trees).Select(t => (IReadOnlyList<TreeNode>)[.. t.Select(node => node with { Value = node.Value / fits.Length })])],
                x[0].Length);
        }

        return FitOne(x, y, cuts, bins, settings, start, Seed);
    }

    private static BoostedTrees FitOne(
        IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double[][] cuts, byte[][] bins, TreeSettings settings, IReadOnlyList<double>? start, int seed)
    {
        var n = x.Count;
        var d = x[0].Length;
        var positives = y.Count(v => v);
        var share = Math.Clamp((positives + 0.5) / (n + 1.0), 1e-3, 1 - 1e-3);
        var @base = start is null ? Math.Log(share / (1 - share)) : 0;
        var margin = start is null ? Enumerable.Repeat(@base, n).ToArray() : [.. start];
        var g = new double[n];
        var h = new double[n];

        var sumsG = new double[MaxCuts + 2];
        var sumsH = new double[MaxCuts + 2];
        var trees = new List<IReadOnlyList<TreeNode>>(settings.Rounds);
        var draw = new Random(seed);
        var all = Enumerable.Range(0, n).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-margin[i]));
                g[i] = p - (y[i] ? 1 : 0);
                h[i] = Math.Max(p * (1 - p), 1e-6);
            }

            var nodes = new List<TreeNode>();
            Grow(nodes, settings.Subsample >= 1 ? all : [.. all.Where(_ => draw.NextDouble() < settings.Subsample)], 0);
            trees.Add(nodes);
            for (var i = 0; i < n; i++)
            {
                margin[i] += Leaf(CollectionsMarshal.AsSpan(nodes), x[i]);
            }
        }

        return new BoostedTrees(@base, trees, d);

        int Grow(List<TreeNode> nodes, int[] rows, int depth)
        {
            var index = nodes.Count;
            double sumG = 0, sumH = 0;
            foreach (var i in rows)
            {
                sumG += g[i];
                sumH += h[i];
            }

            nodes.Add(new TreeNode(-1, 0, 0, 0, -settings.LearningRate * sumG / (sumH + settings.LeafL2)));
            if (depth >= settings.Depth || sumH < 2 * settings.MinChildWeight)
            {
                return index;
            }

            var parentScore = sumG * sumG / (sumH + settings.LeafL2);
            var best = (Gain: 1e-9, Feature: -1, Bin: 0);
            for (var j = 0; j < d; j++)
            {
                var count = cuts[j].Length + 1;
                Array.Clear(sumsG, 0, count);
                Array.Clear(sumsH, 0, count);
                var column = bins[j];
                foreach (var i in rows)
                {
                    sumsG[column[i]] += g[i];
                    sumsH[column[i]] += h[i];
                }

                // Cut c sends bins 0..c left.
                double leftG = 0, leftH = 0;
                for (var c = 0; c < count - 1; c++)
                {
                    leftG += sumsG[c];
                    leftH += sumsH[c];
                    var rightH = sumH - leftH;
                    if (leftH < settings.MinChildWeight || rightH < settings.MinChildWeight)
                    {
                        continue;
                    }

                    var rightG = sumG - leftG;
                    var gain = (leftG * leftG / (leftH + settings.LeafL2)) + (rightG * rightG / (rightH + settings.LeafL2)) - parentScore;
                    if (gain > best.Gain)
                    {
                        best = (gain, j, c);
                    }
                }
            }

            if (best.Feature < 0)
            {
                return index;
            }

            var split = bins[best.Feature];
            var left = Grow(nodes, [.. rows.Where(i => split[i] <= best.Bin)], depth + 1);
            var right = Grow(nodes, [.. rows.Where(i => split[i] > best.Bin)], depth + 1);
            nodes[index] = new TreeNode(best.Feature, cuts[best.Feature][best.Bin], left, right, 0);
            return index;
        }
    }

    /// <summary>Seed of the row draws.</summary>
    private const int Seed = 17;

    /// <summary>Most cuts per input.</summary>
    private const int MaxCuts = 32;

    /// <summary>The value of the leaf a row reaches. Children come after their parent, so the walk ends.</summary>
    private static double Leaf(ReadOnlySpan<TreeNode> tree, ReadOnlySpan<double> x)
    {
        var node = tree[0];
        while (node.Feature >= 0)
        {
            node = tree[x[node.Feature] < node.Threshold ? node.Left : node.Right];
        }

        return node.Value;
    }

    /// <summary>Where an input may be cut: midway between its distinct values, or between 32 quantiles of them when
    /// there are more (so a tree splits on the shape of the data, not on single rows).</summary>
    private static double[] Cuts(IReadOnlyList<double[]> x, int j)
    {
        var values = x.Select(r => r[j]).Distinct().Order().ToArray();
        if (values.Length <= 1)
        {
            return [];
        }

        if (values.Length <= MaxCuts + 1)
        {
            return [.. values.Zip(values.Skip(1), (a, b) => (a + b) / 2)];
        }

        var all = x.Select(r => r[j]).Order().ToArray();
        return [.. Enumerable.Range(1, MaxCuts).Select(q => all[(int)((long)q * (all.Length - 1) / (MaxCuts + 1))]).Distinct().Where(c => c > values[0])];
    }
}
