using NatoBriefBot.Core.Retrieval;

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
}
