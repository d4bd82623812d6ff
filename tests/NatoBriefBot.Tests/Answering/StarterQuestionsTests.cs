using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering;

public sealed class StarterQuestionsTests
{
    private static async Task<(CatalogSummary Catalog, StarterQuestions Starters)> StartersOf(SeededEngine engine) =>
        (await engine.Services.GetRequiredService<IBriefingCatalog>().GetSummaryAsync(), engine.Services.GetRequiredService<StarterQuestions>());

    [Fact]
    public async Task VerifiedAsync_Seeds_EveryQuestionIsAnsweredFromTheBriefingItWasBuiltFrom()
    {
        using var engine = await SeededEngine.CreateAsync();
        var (catalog, starters) = await StartersOf(engine);

        var questions = await starters.VerifiedAsync(catalog, 4);

        Assert.InRange(questions.Count, 2, 4);
        Assert.Equal(questions.Count, questions.Distinct().Count());
        var cited = new List<string>();
        foreach (var question in questions)
        {
            Assert.True(question.Length <= StarterQuestions.MaxLength, question);
            var answer = await engine.Answers.AskAsync(new AskRequest(question));
            Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
            Assert.Contains(answer.Citations[0].File, catalog.Briefings.Select(b => b.File));
            var file = answer.Citations[0].File;
            Assert.Contains(question, StarterQuestions.Candidates(catalog.Briefings.Single(b => b.File == file), engine.Store.GetText(file)));
            cited.Add(answer.Citations[0].File);
        }

        Assert.Equal(cited.Count, cited.Distinct().Count());
    }

    [Fact]
    public async Task VerifiedAsync_SameCatalogTwice_SameQuestionsWithoutAskingAgain()
    {
        using var engine = await SeededEngine.CreateAsync();
        var (catalog, starters) = await StartersOf(engine);

        var first = await starters.VerifiedAsync(catalog, 4);
        var second = await starters.VerifiedAsync(catalog, 4);

        Assert.Same(first, second);
    }

    [Fact]
    public void Candidates_DatedBriefing_MonthQuestionThenTopic_NoneTooLong()
    {
        var briefing = new StoredBriefing(1, "a.txt", "NATO Summit's Top Priority: Support for Ukraine", new DateOnly(2024, 7, 5), "NATO", null, "h", 3);

        var candidates = StarterQuestions.Candidates(briefing).ToList();

        Assert.Equal("What did NATO defence ministers discuss in July 2024?", candidates[0]);
        Assert.Contains("Tell me about NATO Summit's Top Priority", candidates);
        Assert.All(candidates, c => Assert.True(c.Length <= StarterQuestions.MaxLength, c));
    }

    [Fact]
    public void Candidates_TextQuotingSomeone_AsksWhatTheyMostQuotedSaidThatDay()
    {
        var briefing = new StoredBriefing(1, "a.txt", "Ministers meet", new DateOnly(2024, 6, 12), "NATO", null, "h", 3);
        const string text = "Ministers meet\nNATO Secretary General Jens Stoltenberg said on Wednesday that ministers would agree a plan. " +
            "\"We will do more,\" he said. Minister Anna Berg said the plan was welcome. Stoltenberg added that more was needed.";

        var candidates = StarterQuestions.Candidates(briefing, text).ToList();

        Assert.Equal("Jens Stoltenberg", StarterQuestions.MostQuoted(text));
        Assert.Equal("What did Stoltenberg say on 12 June 2024?", candidates[1]);
        Assert.DoesNotContain(candidates, c => c.Contains("say on", StringComparison.Ordinal) && c.Contains("Berg", StringComparison.Ordinal));
    }

    [Fact]
    public void MostQuoted_NoOneQuoted_Null()
    {
        Assert.Null(StarterQuestions.MostQuoted("Ministers meet\nThe meeting starts on Thursday in Brussels. It lasts two days."));
    }
}
