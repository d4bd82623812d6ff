using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Selection;

namespace NatoBriefBot.Tests.Answering.Selection;

public sealed class BoostedTreesTests
{
    /// <summary>Rows whose label is "both inputs high": an interaction no weighted sum of the two inputs separates from
    /// "one of them high" as cleanly as two questions in a row do.</summary>
    private static (List<double[]> X, List<bool> Y) BothHigh()
    {
        var random = new Random(11);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            var a = random.NextDouble();
            var b = random.NextDouble();
            x.Add([a, b, random.NextDouble()]);
            y.Add(a > 0.5 && b > 0.5);
        }

        return (x, y);
    }

    [Fact]
    public void Fit_LabelDependsOnTwoInputsTogether_LearnsTheInteraction()
    {
        var (x, y) = BothHigh();

        var trees = BoostedTrees.Fit(x, y, new TreeSettings(60, 2));

        Assert.True(trees.Probability([0.9, 0.9, 0.5]) > 0.8);
        Assert.True(trees.Probability([0.9, 0.1, 0.5]) < 0.2);
        Assert.True(trees.Probability([0.1, 0.9, 0.5]) < 0.2);
        var right = x.Zip(y, (row, label) => trees.Probability(row) >= 0.5 == label).Count(r => r);
        Assert.True(right >= 380, $"{right} of 400 rows right");
    }

    [Fact]
    public void Fit_SeveralBags_AveragesFitsThatDrewDifferentRows()
    {
        var (x, y) = BothHigh();

        var single = BoostedTrees.Fit(x, y, new TreeSettings(60, 2));
        var bagged = BoostedTrees.Fit(x, y, new TreeSettings(60, 2) { Bags = 3 });

        Assert.Equal(3 * 60, bagged.Trees.Count);
        // The first fit of the bag is the single fit, its leaves divided by three; the others drew other rows.
        Assert.Equal(single.Trees[0][^1].Value / 3, bagged.Trees[0][^1].Value, 12);
        Assert.NotEqual(single.Margin([0.6, 0.4, 0.5]), bagged.Margin([0.6, 0.4, 0.5]));
        Assert.True(bagged.Probability([0.9, 0.9, 0.5]) > 0.8);
        Assert.True(bagged.Probability([0.9, 0.1, 0.5]) < 0.2);
    }

    [Fact]
    public void Fit_SeveralBags_SameTreesInTheSameOrderEveryTime()
    {
        var (x, y) = BothHigh();
        var settings = new TreeSettings(40, 3) { Bags = 8 };

        // The bag's fits run side by side; which finishes first must not change the model.
        var first = BoostedTrees.Fit(x, y, settings);
        var again = BoostedTrees.Fit(x, y, settings);

        Assert.Equal(first.Base, again.Base);
        Assert.Equal(first.Trees.Count, again.Trees.Count);
        for (var t = 0; t < first.Trees.Count; t++)
        {
            Assert.Equal(first.Trees[t], again.Trees[t]);
        }

        var single = BoostedTrees.Fit(x, y, new TreeSettings(40, 3));
        // The first fit of the bag is the single fit with its leaves divided by eight; the second drew other rows.
        Assert.NotEqual(first.Trees[0], first.Trees[40]);
        Assert.Equal(single.Trees[0][0].Value / 8, first.Trees[0][0].Value, 12);
    }

    [Fact]
    public void Fit_NoRounds_PredictsTheShareOfYes()
    {
        var (x, y) = BothHigh();

        var trees = BoostedTrees.Fit(x, y, new TreeSettings(0, 2));

        var share = y.Count(v => v) / (double)y.Count;
        Assert.Equal(share, trees.Probability([0.9, 0.9, 0.5]), 2);
    }

    [Fact]
    public void Fit_TooFewRowsForAChild_GrowsLeavesOnly()
    {
        double[][] x = [[0.0], [1.0]];

        var trees = BoostedTrees.Fit(x, [false, true], new TreeSettings(5, 3));

        Assert.All(trees.Trees, t => Assert.Single(t));
    }

    [Fact]
    public void Constructor_BranchOutsideTheTree_Throws()
    {
        IReadOnlyList<TreeNode> tree = [new TreeNode(0, 0.5, 1, 7, 0), new TreeNode(-1, 0, 0, 0, 1)];

        var error = Assert.Throws<BriefBotException>(() => new BoostedTrees(0, [tree], 1));

        Assert.Contains("Run `train`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SplitOnAnInputPastTheRow_Throws()
    {
        IReadOnlyList<TreeNode> tree = [new TreeNode(3, 0.5, 1, 2, 0), new TreeNode(-1, 0, 0, 0, 1), new TreeNode(-1, 0, 0, 0, -1)];

        Assert.Throws<BriefBotException>(() => new BoostedTrees(0, [tree], 2));
    }
}
