using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Evaluation;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Evaluation;

public sealed class EvalRunnerTests(SeededEngine seeds) : IClassFixture<SeededEngine>
{
    private EvalRunner Runner => ActivatorUtilities.CreateInstance<EvalRunner>(seeds.Services);

    [Fact]
    public async Task RunQuestionsAsync_RightWrongAndAbstain_JudgedEach()
    {
        EvalQuestion[] questions =
        [
            new("right", "factoid", "What did Italy pledge?", ["002"], [["SAMP/T"]]),
            new("wrong-text", "factoid", "What did Italy pledge?", ["002"], [["Donald Duck"]]),
            new("wrong-source", "factoid", "What did Italy pledge?", ["001"], [["SAMP/T"]]),
            new("abstain", "negative", "What did NATO decide about Antarctica in 2019?", [], []),
            new("small-talk", "boilerplate", "hi, are you a real person?", [], []),
        ];

        var results = await Runner.RunQuestionsAsync(questions, CancellationToken.None);

        Assert.Equal([true, false, false, true, true], results.Select(r => r.Correct));
        Assert.Equal(AnswerOutcome.Conversation, results[4].Answer.Outcome);
        Assert.Equal((true, true, true), (results[0].SourceCorrect, results[0].Hit1, results[0].Hit3));
        Assert.Equal(false, results[2].SourceCorrect);
        Assert.Equal(false, results[2].Hit1);
        Assert.Null(results[3].Hit1);
        Assert.Equal(AnswerOutcome.NotInBriefings, results[3].Answer.Outcome);
    }

    [Fact]
    public async Task RunDialoguesAsync_FollowUp_TurnsShareConversation()
    {
        EvalDialogue[] dialogues =
        [
            new("d1", [new EvalTurn("What did Sweden, Spain and Belgium pledge?", [["billion"]], ["002"]), new EvalTurn("What about Italy?", [["SAMP/T"]], ["002"])]),
        ];

        var results = await Runner.RunDialoguesAsync(dialogues, CancellationToken.None);

        Assert.Equal(["d1.1", "d1.2"], results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal("followup", r.Type));
        Assert.All(results, r => Assert.True(r.Correct, r.Answer.Text));
    }

    [Fact]
    public async Task Report_MixedResults_HeadlineWithCounts()
    {
        EvalQuestion[] questions =
        [
            new("right", "factoid", "What did Italy pledge?", ["002"], [["SAMP/T"]]),
            new("wrong", "factoid", "What did Italy pledge?", ["002"], [["Donald Duck"]]),
            new("abstain", "negative", "What did NATO decide about Antarctica in 2019?", [], []),
        ];
        var results = await Runner.RunQuestionsAsync(questions, CancellationToken.None);

        var report = EvalRunner.Report(results);

        var lines = report.Split('\n');
        var headline = lines[^1];
        Assert.StartsWith("eval: answer accuracy 50.0% (1/2)", headline, StringComparison.Ordinal);
        Assert.Contains("cited source correct 100.0% (2/2) of answered", headline, StringComparison.Ordinal);
        Assert.Contains("retrieval hit@1 100.0% (2/2)", headline, StringComparison.Ordinal);
        Assert.Contains("abstention 100.0% (1/1)", headline, StringComparison.Ordinal);
        Assert.Contains("follow-up turns n/a", headline, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("factoid", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("overall", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("first sentence holds the whole answer: ", StringComparison.Ordinal) && l.Contains("(1/1) of right answers", StringComparison.Ordinal));
        Assert.Null(results.Single(r => r.Id == "wrong").LeadHasAnswer);
    }

    [Theory]
    [InlineData("Italy has pledged another SAMP/T. [1] It also sent shells. [1]", "Italy has pledged another SAMP/T. ")]
    [InlineData("From the briefing of 12 June 2024: Italy pledged. [2]", "From the briefing of 12 June 2024: Italy pledged. ")]
    [InlineData("No marks at all.", "No marks at all.")]
    public void Lead_AnswerText_UpToTheFirstCitationMark(string text, string lead)
    {
        Assert.Equal(lead, EvalRunner.Lead(text));
    }

    [Fact]
    public void Percentile_SortedValues_NearestRank()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(10, EvalRunner.Percentile(values, 0.95));
        Assert.Equal(5, EvalRunner.Percentile(values, 0.5));
        Assert.Equal(0, EvalRunner.Percentile([], 0.95));
    }
}
