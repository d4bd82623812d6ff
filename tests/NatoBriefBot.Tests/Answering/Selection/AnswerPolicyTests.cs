using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering.Selection;

public sealed class AnswerPolicyTests
{
    [Theory]
    [InlineData("Who won the World Cup in 2022?", new[] { "world", "cup" }, "\u201CWorld Cup\u201D")]
    [InlineData("what did macron pledge for canada", new[] { "macron", "canada" }, "\u201Cmacron\u201D or \u201Ccanada\u201D")]
    [InlineData("Did Macron, Scholz or Meloni speak?", new[] { "macron", "scholz", "meloni" }, "\u201CMacron\u201D, \u201CScholz\u201D or \u201CMeloni\u201D")]
    public void UnknownNames_AsWrittenNamesOfSeveralWordsWhole(string question, string[] unknown, string expected)
    {
        Assert.Equal(expected, AnswerPolicy.UnknownNames(question, unknown));
    }

    [Fact]
    public async Task AskAsync_EventNoBriefingMentions_NamesItOnceAndWhole()
    {
        using var engine = await SeededEngine.CreateAsync();

        var answer = await engine.Answers.AskAsync(new AskRequest("Who won the Rugby World Cup final in Marseille?"));

        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain(", Cup", answer.Text, StringComparison.Ordinal);
        Assert.Matches("none of them mentions \u201C[^\u201D]*(Rugby|Marseille)", answer.Text);
    }
}
