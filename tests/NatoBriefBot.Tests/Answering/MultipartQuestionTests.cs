using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Tests.Answering;

public sealed class MultipartQuestionTests
{
    [Fact]
    public void Split_TwoAsksJoinedByAnd_SecondCarriesTheFirstAsItsSetting()
    {
        var parts = MultipartQuestion.Split("Where will the new command's staff work, and what rank is the general in charge?");

        Assert.NotNull(parts);
        Assert.Equal("Where will the new command's staff work?", parts.Value.First);
        Assert.Equal("Where will the new command's staff work. What rank is the general in charge?", parts.Value.Second);
    }

    [Theory]
    [InlineData("How many vehicles were in the parade, and on which dates did the ministers meet?", "On which dates did the ministers meet?")]
    [InlineData("Which ally pledged another SAMP/T, and in which country will the new base be?", "In which country will the new base be?")]
    [InlineData("What did the bank report, and by how much did profit rise", "By how much did profit rise?")]
    public void Split_SecondAskOpensWithAPreposition_SplitBeforeIt(string question, string secondAsk)
    {
        var parts = MultipartQuestion.Split(question);

        Assert.NotNull(parts);
        Assert.EndsWith(". " + secondAsk, parts.Value.Second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What were the three topics for the summit? And how many allies were at 2%?", "What were the three topics for the summit?", "How many allies were at 2%?")]
    [InlineData("didn't those four countries sign a minerals deal that day too? where was that", "didn't those four countries sign a minerals deal that day too?", "Where was that?")]
    public void Split_TwoQuestionsInARow_EachAskedOnItsOwn(string question, string first, string secondAsk)
    {
        var parts = MultipartQuestion.Split(question);

        Assert.NotNull(parts);
        Assert.Equal(first, parts.Value.First);
        Assert.EndsWith(". " + secondAsk, parts.Value.Second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi! I'm writing a note. What did Italy pledge?")]
    [InlineData("really? what did italy pledge")]
    [InlineData("Who was appointed, and when?")]
    [InlineData("Did the talks cover trade and in what form?")]
    [InlineData("Did NATO invite Japan and South Korea?")]
    [InlineData("What did Italy pledge?")]
    public void Split_OneAsk_Null(string question)
    {
        Assert.Null(MultipartQuestion.Split(question));
    }

    [Fact]
    public void Join_BothAnswered_CitationsNumberedTogether()
    {
        var first = new Answer("q1", AnswerOutcome.Answered, "Staff work in Germany. [1]", [Cite(1, "a.txt", "Staff work in Germany.")]);
        var second = new Answer("q2", AnswerOutcome.Answered, "A three-star general leads it. [1] Allies agreed. [2]",
            [Cite(1, "b.txt", "A three-star general leads it."), Cite(2, "a.txt", "Allies agreed.")]);

        var joined = MultipartQuestion.Join("q", "where?", "what rank?", first, second)!;

        Assert.Equal("Staff work in Germany. [1] A three-star general leads it. [2] Allies agreed. [1]", joined.Text);
        Assert.Equal(["a.txt", "b.txt"], joined.Citations.Select(c => c.File));
        Assert.Equal([1, 2], joined.Citations.Select(c => c.N));
        Assert.Equal("Staff work in Germany. \u2026 Allies agreed.", joined.Citations[0].Quote);
        Assert.Equal("q", joined.Question);
    }

    [Fact]
    public void Join_SecondQuotesWhatTheFirstSaid_NotSaidTwiceNorItsSourceKept()
    {
        var first = new Answer("q1", AnswerOutcome.Answered, "From the briefing of 5 July 2024: Staff work in Germany. [1]", [Cite(1, "a.txt", "Staff work in Germany.")]);
        var second = new Answer("q2", AnswerOutcome.Answered, "From the briefing of 5 July 2024: Staff work in Germany. [1] Other news. [2] A three-star general leads it. [3]",
            [Cite(1, "a.txt", "Staff work in Germany."), Cite(2, "b.txt", "Other news."), Cite(3, "c.txt", "A three-star general leads it.")]);

        var joined = MultipartQuestion.Join("q", "where?", "what rank?", first, second with { Text = second.Text.Replace("Other news. [2] ", string.Empty, StringComparison.Ordinal) })!;

        Assert.Equal("From the briefing of 5 July 2024: Staff work in Germany. [1] A three-star general leads it. [2]", joined.Text);
        Assert.Equal(["a.txt", "c.txt"], joined.Citations.Select(c => c.File));
        Assert.Equal([1, 2], joined.Citations.Select(c => c.N));
    }

    [Fact]
    public void Join_SecondQuotesAList_ItsItemsKeepTheirLines()
    {
        var first = new Answer("q1", AnswerOutcome.Answered, "Staff work in Germany. [1]", [Cite(1, "a.txt", "Staff work in Germany.")]);
        var second = new Answer("q2", AnswerOutcome.Answered, "The centre will run: [1]\n- training; [1]\n- logistics. [1]\n\nIt opens in May. [1]",
            [Cite(1, "a.txt", "The centre will run:\n\n- training;\n- logistics.\n\nIt opens in May.")]);

        var joined = MultipartQuestion.Join("q", "where?", "what will it run?", first, second)!;

        Assert.Equal("Staff work in Germany. [1] The centre will run: [1]\n- training; [1]\n- logistics. [1]\n\nIt opens in May. [1]", joined.Text);
    }

    [Fact]
    public void Join_OnlyFirstAnswered_SaysWhichPartTheBriefingsDoNotAnswer()
    {
        var first = new Answer("q1", AnswerOutcome.Answered, "Staff work in Germany. [1]", [Cite(1, "a.txt", "Staff work in Germany.")]);
        var refused = new Answer("q2", AnswerOutcome.NotInBriefings, "I couldn't find that.", []);

        var joined = MultipartQuestion.Join("q", "where?", "what rank is the general?", first, refused)!;

        Assert.EndsWith("The briefings don't answer \u201Cwhat rank is the general?\u201D.", joined.Text, StringComparison.Ordinal);
        Assert.Null(MultipartQuestion.Join("q", "y", "x", refused, refused));
    }

    [Fact]
    public void Join_OnlySecondAnswered_SaysTheFirstIsNot_UnlessTheSecondAsksAboutWhoTheFirstAskedFor()
    {
        var refused = new Answer("q1", AnswerOutcome.NotInBriefings, "I couldn't find that.", []);
        var second = new Answer("q2", AnswerOutcome.Answered, "The pact was signed on Friday. [1]", [Cite(1, "a.txt", "The pact was signed on Friday.")]);

        var joined = MultipartQuestion.Join("q", "who signed for Australia?", "when was the pact signed?", refused, second)!;

        Assert.Equal("The pact was signed on Friday. [1] The briefings don't answer \u201Cwho signed for Australia?\u201D.", joined.Text);
        Assert.Equal("q", joined.Question);
        Assert.Null(MultipartQuestion.Join("q", "who is Australia's trade minister?", "when did he take the job?", refused, second));
        Assert.NotNull(MultipartQuestion.Join("q", "what did the pact cost?", "when did they sign it?", refused, second));
    }

    private static Citation Cite(int n, string file, string quote) => new(n, file, file, null, null, null, quote);
}
