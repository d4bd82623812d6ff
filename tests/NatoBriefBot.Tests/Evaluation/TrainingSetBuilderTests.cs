using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Evaluation;

public sealed class TrainingSetBuilderTests
{
    private static readonly EvalDialogue Dialogue = new("td1",
    [
        new EvalTurn("Which German city did Rutte visit before the October 2024 ministerial?", [["Wiesbaden"]], ["003"]),
        new EvalTurn("what did he announce there", [["Security and Training Assistance Command", "NSATU"]], ["003"]),
    ]);

    [Fact]
    public async Task BuildAsync_Dialogue_LaterTurnResolvedAgainstTheRightAnswerAndLabelled()
    {
        using var engine = await SeededEngine.CreateAsync();
        var builder = ActivatorUtilities.CreateInstance<TrainingSetBuilder>(engine.Services);

        var data = await builder.BuildAsync([], [Dialogue], CancellationToken.None);

        Assert.Equal(["td1.1", "td1.2"], data.Select(q => q.Id));
        Assert.All(data, q => Assert.Contains(true, q.Labels));
        Assert.Contains("Rutte", data[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_SameQuestionsTwice_SameTrainingData()
    {
        using var engine = await SeededEngine.CreateAsync();
        var builder = ActivatorUtilities.CreateInstance<TrainingSetBuilder>(engine.Services);

        var first = await builder.BuildAsync([], [Dialogue], CancellationToken.None);
        var second = await builder.BuildAsync([], [Dialogue], CancellationToken.None);

        Assert.Equal(first.Select(q => q.Text), second.Select(q => q.Text));
        Assert.Equal(first.Select(q => q.Labels.Count(l => l)), second.Select(q => q.Labels.Count(l => l)));
    }
}
