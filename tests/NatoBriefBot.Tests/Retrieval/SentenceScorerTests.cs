using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Retrieval;

public sealed class SentenceScorerTests
{
    [Theory]
    [InlineData("The Norwegian is due to step down in September.", true)]
    [InlineData("The 64-year-old said he would not stay on.", true)]
    [InlineData("His term ends in September.", true)]
    [InlineData("This level of support must continue.", true)]
    [InlineData("The Norwegian government said it would pay.", false)] // a nationality before a noun names no one
    [InlineData("The Commission is due to publish a plan.", false)]   // not a nationality
    [InlineData("Stoltenberg is due to step down in September.", false)]
    public void RefersBack_OpeningThatPointsToTheSentenceBefore(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceScorer.RefersBack(sentence));
    }

    [Fact]
    public void SentencesWithLead_QuotationGoingOnFromTheTextBefore_SpeakerNamedThere()
    {
        const string before = "Previewing the meeting, NATO Secretary General Jens Stoltenberg said that ministers would address support. " +
            "Addressing the counter-offensive, the Secretary General said: \u201CIt is still early days. ";
        const string text = "We know that the more gains Ukraine makes, the stronger their hand will be.\u201D The ministerial will begin with a commission meeting.";
        var passage = new StoredPassage(2, 1, 1, before.Length, before.Length + text.Length, text) { Before = before };

        var (texts, offset) = SentenceScorer.SentencesWithLead(passage);

        Assert.Equal(2, offset);
        Assert.StartsWith("We know", texts[offset], StringComparison.Ordinal);
        Assert.Equal("Jens Stoltenberg", Speakers.Of(texts, offset));
        Assert.Null(Speakers.Of([.. SentenceScorer.Sentences(passage).Select(s => s.Text)], 0));
    }
}
