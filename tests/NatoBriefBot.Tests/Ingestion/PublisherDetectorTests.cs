using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class PublisherDetectorTests
{
    [Theory]
    [InlineData("Body.\n/Public Release. This material might be edited. Example.Wire does not take institutional positions or sides.", "Example.Wire")]
    [InlineData("BRUSSELS (Reuters) - NATO ministers met on Thursday.", "Reuters")]
    [InlineData("Headline\nSource: Kyiv Daily\nBody.", "Kyiv Daily")]
    [InlineData("Body text.\n© 2024 Baltic Times. All rights reserved.", "Baltic Times")]
    [InlineData("By Anna Berg | Nordic Defence Review\nBody text.", "Nordic Defence Review")]
    [InlineData("Body.\nThis story was originally published on Atlantic Monitor.", "Atlantic Monitor")]
    public void Find_TextNamesPublisher_ReturnsIt(string text, string expected)
    {
        Assert.Equal(expected, PublisherDetector.Find(text));
    }

    [Theory]
    [InlineData("NATO ministers met in Brussels on Thursday. (The meeting lasted two days.)")]
    [InlineData("Stoltenberg said the source of the problem was underfunding.")]
    public void Find_TextNamesNoPublisher_ReturnsNull(string text)
    {
        Assert.Null(PublisherDetector.Find(text));
    }
}
