using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Answering;

public class CitationListTests
{
    private static readonly StoredBriefing A = new(1, "a.txt", "Title A", new DateOnly(2024, 6, 13), "NATO", "https://nato.int/a", "h", 2);
    private static readonly StoredBriefing B = new(2, "b.txt", "Title B", null, null, null, "h", 1);

    private static Evidence Of(long passageId, StoredBriefing briefing, string text) =>
        Evidence.Of(new StoredPassage(passageId, briefing.Id, 0, 0, text.Length, text), briefing, 1);

    [Fact]
    public void Cite_SamePassageTwice_SameNumber()
    {
        var list = new CitationList();

        var first = list.Cite(Of(10, A, "one"));
        var second = list.Cite(Of(20, B, "two"));
        var again = list.Cite(Of(10, A, "one"));

        Assert.Equal((1, 2, 1), (first, second, again));
        Assert.Equal(2, list.Count);
    }

    private static Evidence At(long passageId, StoredBriefing briefing, int start, string text) =>
        Evidence.Of(new StoredPassage(passageId, briefing.Id, (int)passageId, start, start + text.Length, text), briefing, 1);

    [Fact]
    public void Cite_TwoPassagesOfOneBriefing_OneSourceQuotingBothInOrder()
    {
        var list = new CitationList();

        var later = list.Cite(At(12, A, 100, "Spain pledged more."));
        var overlapping = list.Cite(At(11, A, 15, "Italy pledged a SAMP/T. Sweden pledged jets."));
        var first = list.Cite(At(10, A, 0, "Ministers met. Italy pledged a SAMP/T."));

        Assert.Equal((1, 1, 1), (later, overlapping, first));
        var citation = Assert.Single(list.ToCitations());
        Assert.Equal("Ministers met. Italy pledged a SAMP/T. Sweden pledged jets. \u2026 Spain pledged more.", citation.Quote);
    }

    [Fact]
    public void ToCitations_CarryBriefingMetadataAndExactPassageText()
    {
        var list = new CitationList();
        list.Cite(Of(10, A, "Italy has pledged another SAMP/T."));

        var citation = Assert.Single(list.ToCitations());

        Assert.Equal(new Citation(1, "a.txt", "Title A", new DateOnly(2024, 6, 13), "NATO", "https://nato.int/a", "Italy has pledged another SAMP/T."), citation);
    }

    [Fact]
    public void Create_NotInBriefings_SuggestsDistinctBriefingsWithDates()
    {
        var answer = NotInBriefings.Create("Q?", [Of(1, A, "x"), Of(2, A, "y"), Of(3, B, "z")], "Antarctica");

        Assert.Equal(["Title A (13 June 2024)", "Title B"], answer.Suggestions);
        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Contains("none of them mentions Antarctica", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }
}
