using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Tests.Answering;

public class StatementFollowUpTests
{
    private const string Briefing =
        "Summit preview\n" +
        "On Friday (5 July 2024), Secretary General Jens Stoltenberg previewed next week's summit.\n" +
        "\"Deterrence and defence will be another important topic,\" Mr Stoltenberg said.\n" +
        "At the summit, Allies are due to endorse a pledge on industry. He added that NATO will build a new base in Poland.\n" +
        "The summit starts on Tuesday.";

    // The passage the previous answer cited starts after the sentence naming the speaker.
    private static readonly string Passage = Briefing[Briefing.IndexOf("At the summit", StringComparison.Ordinal)..];

    private static ConversationTurn Answered(string question, string text) =>
        new(question, question, new Answer(question, AnswerOutcome.Answered, text,
            [new Citation(1, "004_preview.txt", "Summit preview", new DateOnly(2024, 7, 5), "NATO", null, Passage)]));

    private static ConversationTurn Declined(string question) =>
        new(question, question, new Answer(question, AnswerOutcome.NotInBriefings, "The briefings don't say.", []));

    private static string? Text(string file) => file == "004_preview.txt" ? Briefing : null;

    [Theory]
    [InlineData("who said that")]
    [InlineData("Who announced it?")]
    [InlineData("and who gave that figure")]
    [InlineData("who said that, stoltenberg or rutte")]
    public void Answer_WhoSaidThat_TheSpeakerNamedInAnEarlierPassage(string question)
    {
        var answer = StatementFollowUp.Answer(question, [Answered("where is the new base", "He added that NATO will build a new base in Poland. [1]")], Text);

        Assert.NotNull(answer);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.StartsWith("It was Jens Stoltenberg, in \u201CSummit preview\u201D (5 July 2024):", answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("004_preview.txt", citation.File);
        // The quote runs from the sentence naming him to the statement, exactly as the briefing has it.
        Assert.StartsWith("\"Deterrence and defence", citation.Quote, StringComparison.Ordinal);
        Assert.EndsWith("new base in Poland.", citation.Quote, StringComparison.Ordinal);
        Assert.Contains(citation.Quote, Briefing, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AfterADeclinedTurn_TheLastAnsweredStatement()
    {
        var answer = StatementFollowUp.Answer("who said that",
            [Answered("where is the new base", "He added that NATO will build a new base in Poland. [1]"), Declined("how much does it cost")], Text);

        Assert.Contains("Jens Stoltenberg", answer?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AnswerLedByAnotherSentence_TheStatementThatAnswersTheQuestion()
    {
        var answer = StatementFollowUp.Answer("when was that",
            [Answered("where is the new base", "At the summit, Allies are due to endorse a pledge on industry. [1] He added that NATO will build a new base in Poland. [1]")], Text);

        Assert.EndsWith("He added that NATO will build a new base in Poland. [1]", answer?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_NoSentenceSharesTheQuestionsWords_TheFirstQuoted()
    {
        var answer = StatementFollowUp.Answer("when was that",
            [Answered("what is expected", "At the summit, Allies are due to endorse a pledge on industry. [1] He added that NATO will build a new base in Poland. [1]")], Text);

        Assert.EndsWith("Allies are due to endorse a pledge on industry. [1]", answer?.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when was that")]
    [InlineData("When was that announced?")]
    [InlineData("when did he say that")]
    public void Answer_WhenWasThat_TheBriefingsDateAndTheStatement(string question)
    {
        var answer = StatementFollowUp.Answer(question, [Answered("where is the new base", "He added that NATO will build a new base in Poland. [1]")], Text);

        Assert.Equal("The briefing of 5 July 2024 reports it (\u201CSummit preview\u201D): He added that NATO will build a new base in Poland. [1]", answer?.Text);
    }

    [Fact]
    public void Answer_ReportersOwnStatement_NullSoTheQuestionIsSearched()
    {
        Assert.Null(StatementFollowUp.Answer("who said that", [Answered("when does it start", "The summit starts on Tuesday. [1]")], Text));
    }

    [Theory]
    [InlineData("who said the summit starts on tuesday")]
    [InlineData("when was the summit")]
    [InlineData("what did he say")]
    public void Answer_NotAQuestionAboutThePreviousStatement_Null(string question)
    {
        Assert.Null(StatementFollowUp.Answer(question, [Answered("where is the new base", "He added that NATO will build a new base in Poland. [1]")], Text));
    }

    [Fact]
    public void Answer_NothingAnsweredYet_Null()
    {
        Assert.Null(StatementFollowUp.Answer("who said that", [Declined("how much does it cost")], Text));
    }

    [Fact]
    public void Answer_BriefingTextUnavailable_ReadsTheCitedPassageAlone()
    {
        // Without the whole text the passage has no name: the question is left to the search.
        Assert.Null(StatementFollowUp.Answer("who said that", [Answered("where is the new base", "He added that NATO will build a new base in Poland. [1]")], _ => null));
    }

    private static readonly Core.Storage.StoredBriefing Preview = new(1, "004_preview.txt", "Summit preview", new DateOnly(2024, 7, 5), "NATO", null, "hash", 1);

    [Theory]
    [InlineData("who said nato will build a new base in poland")]
    [InlineData("Who stressed that deterrence and defence will be another important topic?")]
    [InlineData("who stated that \"nato will build a new base in poland\"")]
    public void WhoSaid_StatementInARetrievedBriefing_ItsSpeakerQuotedAndCited(string question)
    {
        var answer = StatementFollowUp.WhoSaid(question, [Preview], Text);

        Assert.NotNull(answer);
        Assert.StartsWith("It was Jens Stoltenberg, in \u201CSummit preview\u201D (5 July 2024)", answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("004_preview.txt", citation.File);
        Assert.Contains(citation.Quote, Briefing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who said the moon is made of cheese")]
    [InlineData("who said that")]
    [InlineData("what did stoltenberg say about the base in poland")]
    public void WhoSaid_NoSuchStatementOrNotAWhoSaidQuestion_Null(string question)
    {
        Assert.Null(StatementFollowUp.WhoSaid(question, [Preview], Text));
    }

    [Theory]
    [InlineData("Secretary General Jens Stoltenberg said so.", true)]
    [InlineData("\"We must keep going,\" the secretary general said.", false)]
    [InlineData("Allies will agree a financial pledge for Ukraine.", false)]
    public void NamesSomeone_APersonNotARoleOrCountry(string text, bool expected)
    {
        Assert.Equal(expected, StatementFollowUp.NamesSomeone(text));
    }
}
