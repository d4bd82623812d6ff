using Microsoft.Extensions.DependencyInjection;
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
    public async Task Explain_WhoIsASurname_BestSentenceNamesThatPerson()
    {
        // "who is rutte" wants what Rutte is: a role in a sentence about someone else ("the Secretary General of the
        // organization said…") does not say it. A sentence about him names him, or goes on about him as "he" (the answer
        // then names him: "He [Mark Rutte] noted…").
        using var engine = await SeededEngine.CreateAsync();
        var policy = engine.Services.GetRequiredService<AnswerPolicy>();

        var explained = policy.Explain(await engine.Retriever.RetrieveAsync("who is rutte"));

        Assert.Matches(@"Rutte|^He\b", explained.Candidates[0].Text);
        Assert.DoesNotContain("of the organization said", explained.Candidates[0].Text, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("0.5", true)]
    [InlineData("1", false)]
    public async Task AskAsync_GateJustUnderItsThreshold_QuotesTheClosestSentenceUncitedWhenAllowed(string share, bool quoted)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("unsure.json");
        // The shipped ranking with a gate that always says 0.4 against a threshold of 0.5: never sure enough to answer.
        var shipped = AnswerModel.Default();
        var gate = AnswerGate.Names.Select(n => n == "bias" ? Math.Log(0.4 / 0.6) : 0.0).ToList();
        new AnswerModel(AnswerModel.Features, shipped.Weights, shipped.Threshold, null, gate, 0.5, shipped.Ranking).Save(path);
        using var engine = await SeededEngine.CreateAsync(new Dictionary<string, string?>
        {
            ["Answering:ModelPath"] = path,
            ["Answering:ClosestQuoteGateShare"] = share,
        });

        var answer = await engine.Answers.AskAsync(new AskRequest("What did Italy pledge?"));

        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.Equal(quoted, answer.Text.StartsWith("I couldn't find a clear answer to that in the briefings. The closest is in", StringComparison.Ordinal));
        Assert.Equal(quoted, answer.Text.Contains("SAMP/T", StringComparison.Ordinal));
    }
}
