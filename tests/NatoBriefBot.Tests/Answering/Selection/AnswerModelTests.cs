using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering.Selection;

public sealed class AnswerModelTests
{
    private static readonly int Width = AnswerModel.Features.Count;

    private static double[] Row(double lexical, double dense)
    {
        var row = new double[Width];
        row[0] = 1;
        row[1] = lexical;
        row[3] = dense;
        return row;
    }

    private static double[] Coverage(double share) => [share, share < 0.5 ? 1 : 0, 0];

    /// <summary>Question inputs of a follow-up after a cited answer.</summary>
    private static double[] Turn()
    {
        var question = new double[AnswerFeatures.QuestionNames.Length];
        question[Array.IndexOf(AnswerFeatures.QuestionNames, "in_conversation")] = 1;
        return question;
    }

    /// <summary>Forty answerable questions whose right sentence covers more of the question than the others, and ten
    /// unanswerable ones whose best sentence covers little; coverage of the briefing tells them apart too.</summary>
    private static List<TrainingQuestion> Synthetic()
    {
        var random = new Random(7);
        var questions = Enumerable.Range(0, 40).Select(i =>
        {
            var features = new List<double[]> { Row(0.7 + (0.3 * random.NextDouble()), 0.6 + (0.2 * random.NextDouble())) };
            var labels = new List<bool> { true };
            for (var k = 0; k < 5; k++)
            {
                features.Add(Row(0.5 * random.NextDouble(), 0.4 * random.NextDouble()));
                labels.Add(false);
            }

            return new TrainingQuestion("q" + i, true, features, labels, [.. features.Select(_ => Coverage(0.9))]);
        }).ToList();
        questions.AddRange(Enumerable.Range(0, 10).Select(i =>
        {
            double[][] features = [Row(0.3 * random.NextDouble(), 0.3), Row(0.2, 0.05)];
            return new TrainingQuestion("neg" + i, false, features, [false, false], [.. features.Select(_ => Coverage(0.2))]);
        }));
        return questions;
    }

    [Fact]
    public void Fit_AnswersScoreHigherThanOtherSentences_AnswerRankedFirst()
    {
        var model = AnswerModelTrainer.Fit(Synthetic(), new AnswerModelProvenance());

        var p = model.Probabilities([Row(0.9, 0.7), Row(0.2, 0.2), Row(0.3, 0.1)]);

        Assert.Equal(0, Array.IndexOf(p, p.Max()));
        Assert.Contains("answerable right", model.Provenance.TrainFit, StringComparison.Ordinal);
        Assert.Contains("best sentence right in", model.Provenance.TrainFit, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_QuickSearch_OneShapePerStageAndSaysSo()
    {
        var model = AnswerModelTrainer.Fit(Synthetic(), new AnswerModelProvenance(), TrainingSearch.Quick);

        var p = model.Probabilities([Row(0.9, 0.7), Row(0.2, 0.2), Row(0.3, 0.1)]);

        Assert.Equal(0, Array.IndexOf(p, p.Max()));
        Assert.StartsWith("quick search: held out", model.Provenance.TrainFit, StringComparison.Ordinal);
        // No listwise ranking is tried; the pointwise one at the one strength given, then corrected by trees.
        Assert.DoesNotContain("softmax", model.Provenance.TrainFit, StringComparison.Ordinal);
        Assert.Contains("L2 0.1", model.Provenance.TrainFit, StringComparison.Ordinal);
        Assert.All(
            [TrainingSearch.Quick.PointwiseL2.Count, TrainingSearch.Quick.Corrections.Count, TrainingSearch.Quick.GateL2.Count, TrainingSearch.Quick.GateTrees.Count],
            n => Assert.Equal(1, n));
        Assert.DoesNotContain("quick", AnswerModelTrainer.Fit(Synthetic(), new AnswerModelProvenance()).Provenance.TrainFit, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_Gate_PassesAClearAnswerAndStopsAWeakOne()
    {
        var model = AnswerModelTrainer.Fit(Synthetic(), new AnswerModelProvenance());

        var pass = model.GateProbability(AnswerGate.Inputs(Row(0.9, 0.7), Coverage(0.9), model.Score(Row(0.9, 0.7)), model.Score(Row(0.2, 0.2))));
        var stop = model.GateProbability(AnswerGate.Inputs(Row(0.2, 0.3), Coverage(0.2), model.Score(Row(0.2, 0.3)), model.Score(Row(0.2, 0.05))));

        Assert.True(pass >= model.GateThreshold, $"gate {pass:0.000} under {model.GateThreshold:0.000}");
        Assert.True(stop < model.GateThreshold, $"gate {stop:0.000} not under {model.GateThreshold:0.000}");
    }

    [Fact]
    public void Top_BestLacksTheFactAsked_SameBriefingSentenceWithItIsWeighed()
    {
        var weights = new double[Width];
        weights[1] = 4; // lexical
        var model = new AnswerModel(AnswerFeatures.Names, weights, 0.5);
        var typeMatch = Array.IndexOf(AnswerFeatures.Names, "type_match");
        var about = Row(0.9, 0.6);
        var withFigure = Row(0.6, 0.6);
        withFigure[typeMatch] = 1;
        var other = Row(0.8, 0.6);
        other[typeMatch] = 1;
        TrainingQuestion Question(bool figureInSameBriefing, bool lacks) =>
            new("cost", true, [about, withFigure, other], [false, true, false], [.. Enumerable.Repeat(Coverage(0.9), 3)])
            {
                Briefings = [1, figureInSameBriefing ? 1 : 2, 3],
                LacksAttribute = [lacks, false, false],
                Shape = (3, 0.1),
            };

        var swapped = AnswerModelTrainer.Top(Question(figureInSameBriefing: true, lacks: true), model);
        var refused = AnswerModelTrainer.Top(Question(figureInSameBriefing: false, lacks: true), model);
        var plain = AnswerModelTrainer.Top(Question(figureInSameBriefing: false, lacks: false), model);

        // The sentence with the figure answers (another briefing's likelier one does not); with none, the policy refuses.
        Assert.True(swapped.Right);
        Assert.NotNull(swapped.Inputs);
        Assert.Equal(model.Probabilities([withFigure])[0], swapped.P, 6);
        Assert.False(refused.Right);
        Assert.Null(refused.Inputs);
        Assert.False(plain.Right);
        Assert.NotNull(plain.Inputs);
    }

    [Fact]
    public void Listwise_RightSentenceAmongSimilarOnes_RankedFirstForMostQuestions()
    {
        var questions = Synthetic().Where(q => q.Answerable).ToList();

        var weights = AnswerModelTrainer.Listwise(questions, AnswerModelTrainer.L2);
        var model = new AnswerModel(AnswerModel.Features, weights, 0.5, ranking: AnswerModel.Softmax);

        Assert.Equal(0.0, weights[0]);
        Assert.All(questions, q => Assert.Equal(1.0, model.Probabilities(q.Features).Sum(), 6));
        Assert.True(questions.Count(q => model.Probabilities(q.Features) is var p && p[0] == p.Max()) >= 38);
    }

    [Fact]
    public void Fit_NoAnswerSentences_ClearError()
    {
        var ex = Assert.Throws<BriefBotException>(() => AnswerModelTrainer.Fit([new TrainingQuestion("q", true, [Row(0.1, 0.1)], [false])], new AnswerModelProvenance()));

        Assert.Contains("no answer sentences", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveThenLoad_SameWeightsAndThreshold()
    {
        using var folder = new TempFolder();
        var gate = Enumerable.Range(0, AnswerGate.Names.Length).Select(i => i / 20.0).ToList();
        var model = new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(i => i / 10.0).ToList(), 0.42, new AnswerModelProvenance { Command = "test" }, gate, 0.37, AnswerModel.Softmax);
        var path = folder.Combine("model.json");

        model.Save(path);
        var loaded = AnswerModel.Load(path);

        Assert.Equal(model.Weights, loaded.Weights);
        Assert.Equal(0.42, loaded.Threshold);
        Assert.Equal(gate, loaded.GateWeights);
        Assert.Equal(0.37, loaded.GateThreshold);
        Assert.Equal(AnswerModel.Softmax, loaded.Ranking);
        Assert.Equal("test", loaded.Provenance.Command);
    }

    [Fact]
    public void SaveThenLoad_GateTrees_DecideTheGateTheSame()
    {
        using var folder = new TempFolder();
        var width = AnswerGate.Names.Length;
        // One split on the gate's best_score: under 0 the log-odds are -2, from 0 on +2.
        IReadOnlyList<TreeNode> tree = [new TreeNode(1, 0, 1, 2, 0), new TreeNode(-1, 0, 0, 0, -2), new TreeNode(-1, 0, 0, 0, 2)];
        var trees = new BoostedTrees(0, [tree], width);
        var model = new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.3, null, new double[width], 0.5, AnswerModel.Logistic, trees);
        var path = folder.Combine("trees.json");

        model.Save(path);
        var loaded = AnswerModel.Load(path);

        var sure = AnswerGate.Inputs(Row(0.9, 0.7), Coverage(0.9), 1.5, 0);
        var unsure = AnswerGate.Inputs(Row(0.9, 0.7), Coverage(0.9), -1.5, -2);
        Assert.NotNull(loaded.GateTrees);
        Assert.Equal(1 / (1 + Math.Exp(-2)), loaded.GateProbability(sure), 9);
        Assert.Equal(1 / (1 + Math.Exp(2)), loaded.GateProbability(unsure), 9);
    }

    [Fact]
    public void Save_GateTrees_EachTreeOnOneLineOfNumbers()
    {
        using var folder = new TempFolder();
        var model = WithGateTree([new TreeNode(1, 0.25, 1, 2, 0), new TreeNode(-1, 0, 0, 0, -2), new TreeNode(-1, 0, 0, 0, 2.5)]);
        var path = folder.Combine("compact.json");

        model.Save(path);

        var lines = File.ReadAllLines(path);
        Assert.Contains("[[1,0.25,1,2],[-2],[2.5]]", lines.Select(l => l.Trim()));
        Assert.DoesNotContain(lines, l => l.Contains("\"feature\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OlderFileWithNodesAsNamedObjects_SameGate()
    {
        using var folder = new TempFolder();
        var path = SavedWithGateTrees(folder.Combine("older.json"), """
            [[{"feature":1,"threshold":0,"left":1,"right":2,"value":0},
              {"feature":-1,"threshold":0,"left":0,"right":0,"value":-2},
              {"feature":-1,"threshold":0,"left":0,"right":0,"value":2}]]
            """);

        var loaded = AnswerModel.Load(path);

        Assert.Equal(1 / (1 + Math.Exp(-2)), loaded.GateProbability(AnswerGate.Inputs(Row(0.9, 0.7), Coverage(0.9), 1.5, 0)), 9);
        Assert.Equal(1 / (1 + Math.Exp(2)), loaded.GateProbability(AnswerGate.Inputs(Row(0.9, 0.7), Coverage(0.9), -1.5, -2)), 9);
    }

    [Theory]
    [InlineData("[[[1,0,1]]]")]
    [InlineData("[[[1.5,0,1,2],[-2],[2]]]")]
    [InlineData("[[[\"1\"]]]")]
    [InlineData("[7]")]
    public void Load_MalformedTreeNode_SaysTheFileIsNotAValidModel(string trees)
    {
        using var folder = new TempFolder();
        var path = SavedWithGateTrees(folder.Combine("broken.json"), trees);

        var ex = Assert.Throws<BriefBotException>(() => AnswerModel.Load(path));

        Assert.Contains("not a valid answer model", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A saved model file whose gate trees are replaced by this JSON text.</summary>
    private static string SavedWithGateTrees(string path, string trees)
    {
        WithGateTree([new TreeNode(-1, 0, 0, 0, 1)]).Save(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["gate_trees"]!["trees"] = System.Text.Json.Nodes.JsonNode.Parse(trees);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static AnswerModel WithGateTree(IReadOnlyList<TreeNode> tree)
    {
        var width = AnswerGate.Names.Length;
        return new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.3, null, new double[width], 0.5, AnswerModel.Logistic, new BoostedTrees(0, [tree], width));
    }

    [Fact]
    public void SaveThenLoad_RankingTrees_AddToTheLinearScore()
    {
        using var folder = new TempFolder();
        // One split on "lexical" (column 1): under 0.5 the trees take 1 off the linear score, from 0.5 on they add 1.
        IReadOnlyList<TreeNode> tree = [new TreeNode(1, 0.5, 1, 2, 0), new TreeNode(-1, 0, 0, 0, -1), new TreeNode(-1, 0, 0, 0, 1)];
        var trees = new BoostedTrees(0, [tree], Width);
        var weights = Enumerable.Range(0, Width).Select(i => i == 3 ? 2.0 : 0.0).ToList();
        var model = new AnswerModel(AnswerModel.Features, weights, 0.3, rankingTrees: trees);
        var path = folder.Combine("corrected.json");

        model.Save(path);
        var loaded = AnswerModel.Load(path);

        Assert.NotNull(loaded.RankingTrees);
        Assert.Equal((2 * 0.7) + 1, loaded.Score(Row(0.9, 0.7)), 9);
        Assert.Equal((2 * 0.7) - 1, loaded.Score(Row(0.1, 0.7)), 9);
    }

    [Fact]
    public void Load_FeaturesOfAnotherVersion_SaysToRetrain()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("old.json");
        File.WriteAllText(path, """{"features":["bias","lexical"],"weights":[0,1],"threshold":0.5}""");

        var ex = Assert.Throws<BriefBotException>(() => AnswerModel.Load(path));

        Assert.Contains("Run `train`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveThenLoad_ConversationThreshold_HeldAgainstFollowUpsOnly()
    {
        using var folder = new TempFolder();
        var gate = Enumerable.Range(0, AnswerGate.Names.Length).Select(_ => 0.0).ToList();
        var model = new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.4, null, gate, 0.6, conversationGateThreshold: 0.45);
        var path = folder.Combine("model.json");

        model.Save(path);
        var loaded = AnswerModel.Load(path);

        Assert.Equal(0.45, loaded.ConversationGateThreshold);
        Assert.Equal(0.45, loaded.GateThresholdFor(AnswerGate.Inputs(Row(0.5, 0.5), Turn(), 0, 0)));
        Assert.Equal(0.6, loaded.GateThresholdFor(AnswerGate.Inputs(Row(0.5, 0.5), Coverage(0.5), 0, 0)));
    }

    [Fact]
    public void GateThresholdFor_ModelWithoutConversationThreshold_FollowUpsUseTheOne()
    {
        var gate = Enumerable.Range(0, AnswerGate.Names.Length).Select(_ => 0.0).ToList();
        var model = new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.4, null, gate, 0.6);

        Assert.Null(model.ConversationGateThreshold);
        Assert.Equal(0.6, model.GateThresholdFor(AnswerGate.Inputs(Row(0.5, 0.5), Turn(), 0, 0)));
    }

    [Fact]
    public void ByConversation_RepeatedHeldOutRows_SplitByTheOutOfFoldRowTheyRepeat()
    {
        // 400 new questions and 350 follow-ups, held out twice (two cross-validation repetitions, in order).
        var outOfFold = Enumerable.Range(0, 750)
            .Select(i => (Answerable: true, Right: i % 2 == 0, P: 0.5, Inputs: (double[]?)AnswerGate.Inputs(Row(0.5, 0.5), i < 400 ? Coverage(0.5) : Turn(), 0, 0)))
            .ToList();
        var heldOut = Enumerable.Range(0, 1500).Select(i => (true, i % 2 == 0, (i % 750) < 400 ? 0.1 : 0.9)).ToList();

        var split = AnswerModelTrainer.ByConversation(heldOut, outOfFold);

        Assert.NotNull(split);
        Assert.Equal(800, split.Value.Questions.Count);
        Assert.Equal(700, split.Value.Turns.Count);
        Assert.All(split.Value.Turns, r => Assert.Equal(0.9, r.P));
        Assert.All(split.Value.Questions, r => Assert.Equal(0.1, r.P));
        // 250 follow-ups are too few for a threshold of their own.
        var fewer = outOfFold.Take(650).ToList();
        Assert.Null(AnswerModelTrainer.ByConversation([.. Enumerable.Range(0, 1300).Select(i => (true, true, 0.5))], fewer));
    }

    [Fact]
    public void Load_FileWithoutGate_GatesOnTheFirstStageProbability()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("stage-one.json");
        new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.3).Save(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("gate_features");
        json.Remove("gate_weights");
        json.Remove("gate_threshold");
        json.Remove("ranking");
        File.WriteAllText(path, json.ToJsonString());

        var loaded = AnswerModel.Load(path);

        Assert.Equal(0.3, loaded.GateThreshold);
        Assert.Equal(AnswerModel.Logistic, loaded.Ranking);
        // The gate falls back to the first stage's log-odds: a score of ln(4) is a probability of 0.8.
        Assert.Equal(0.8, loaded.GateProbability(AnswerGate.Inputs(Row(0, 0), Coverage(1), Math.Log(4), 0)), 6);
    }

    [Fact]
    public void Load_UnknownRanking_SaysToRetrain()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("odd.json");
        new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(_ => 0.1).ToList(), 0.3).Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"logistic\"", "\"pairwise\"", StringComparison.Ordinal));

        var ex = Assert.Throws<BriefBotException>(() => AnswerModel.Load(path));

        Assert.Contains("Run `train`", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ShippedModel_LoadsWithAThresholdBetweenZeroAndOne()
    {
        var model = AnswerModel.Default();

        Assert.InRange(model.Threshold, 0.01, 0.99);
        Assert.InRange(model.GateThreshold, 0.01, 0.99);
        Assert.Equal(AnswerModel.Features.Count, model.Weights.Count);
        Assert.Equal(AnswerGate.Names.Length, model.GateWeights.Count);
    }
}
