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

    [Fact]
    public void Fit_AnswersScoreHigherThanOtherSentences_HigherProbabilityForAnswers()
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

            return new TrainingQuestion("q" + i, true, features, labels);
        }).ToList();
        questions.Add(new TrainingQuestion("neg", false, [Row(0.1, 0.1), Row(0.2, 0.05)], [false, false]));

        var model = AnswerModelTrainer.Fit(questions, new AnswerModelProvenance());

        Assert.True(model.Probability(Row(0.9, 0.7)) > model.Probability(Row(0.2, 0.2)));
        Assert.True(model.Probability(Row(0.9, 0.7)) >= model.Threshold);
        Assert.True(model.Probability(Row(0.1, 0.1)) < model.Threshold);
        Assert.Contains("answerable right", model.Provenance.TrainFit, StringComparison.Ordinal);
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
        var model = new AnswerModel(AnswerModel.Features, Enumerable.Range(0, Width).Select(i => i / 10.0).ToList(), 0.42, new AnswerModelProvenance { Command = "test" });
        var path = folder.Combine("model.json");

        model.Save(path);
        var loaded = AnswerModel.Load(path);

        Assert.Equal(model.Weights, loaded.Weights);
        Assert.Equal(0.42, loaded.Threshold);
        Assert.Equal("test", loaded.Provenance.Command);
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
    public void Default_ShippedModel_LoadsWithAThresholdBetweenZeroAndOne()
    {
        var model = AnswerModel.Default();

        Assert.InRange(model.Threshold, 0.01, 0.99);
        Assert.Equal(AnswerModel.Features.Count, model.Weights.Count);
    }
}
