using System.Globalization;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class PublicationDateParserTests
{
    [Theory]
    [InlineData("• 14 Jun. 2023 -", "2023-06-14")]
    [InlineData(" date 2024-06-12 Facts", "2024-06-12")]
    [InlineData("10:22 17.10.2024", "2024-10-17")]
    [InlineData("20:59 12.06.2024", "2024-06-12")]
    [InlineData("On Friday (5 July 2024), Secretary General Jens Stoltenberg previewed the summit.", "2024-07-05")]
    [InlineData("2024-06-12", "2024-06-12")]
    [InlineData("2024-06-12T10:00:00Z", "2024-06-12")]
    [InlineData("June 12, 2024", "2024-06-12")]
    [InlineData("12 June 2024", "2024-06-12")]
    [InlineData("Jun 12, 2024", "2024-06-12")]
    [InlineData("Sept. 3, 2024", "2024-09-03")]
    [InlineData("3rd of March 2025", "2025-03-03")]
    [InlineData("March 3rd, 2025", "2025-03-03")]
    [InlineData("Published: 12 June 2024 08:00", "2024-06-12")]
    [InlineData("Last updated: 14 Jun. 2023 16:05", "2023-06-14")]
    [InlineData("Wed, 12 Jun 2024 10:00:00 GMT", "2024-06-12")]
    [InlineData("25/06/2024", "2024-06-25")]
    [InlineData("06/25/2024", "2024-06-25")]
    [InlineData("29.02.2024", "2024-02-29")]
    [InlineData("2024/06/12", "2024-06-12")]
    public void ParseFirst_KnownFormat_ReturnsDate(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), PublicationDateParser.ParseFirst(text));
    }

    [Theory]
    [InlineData("31.02.2024")]
    [InlineData("29.02.2023")]
    [InlineData("2024-13-01")]
    [InlineData("30 February 2024")]
    [InlineData("Serving as NATO chief since 2014, his mandate was prolonged in 2022.")]
    [InlineData("Vilnius on July 11-12.")]
    [InlineData("06/07/2024")]
    [InlineData("12.06.24")]
    [InlineData("a 1.5 million euro fund")]
    [InlineData("15:02")]
    [InlineData("")]
    public void ParseFirst_NotADate_ReturnsNull(string text)
    {
        Assert.Null(PublicationDateParser.ParseFirst(text));
    }

    [Theory]
    [InlineData("12/06/2024 07:40\nHeat warning\nThe June record in Uccle stands.", "2024-06-12")]
    [InlineData("06/12/2024\nHeat warning\nThe June record in Uccle stands.", "2024-06-12")]
    [InlineData("03/04/2024\nMinisters meet\nThe talks went on, officials said.", "2024-04-03")]
    [InlineData("03/04/2024\nMinisters meet\nThe plan of 25/12/2023 was reviewed.", "2024-04-03")]
    [InlineData("03/04/2024 10:00\nMinisters meet\nThe plan of 12/25/2023 was reviewed.", "2024-03-04")]
    [InlineData("Ministers meet\nThe plan of 1 May 2020 was reviewed.\n03/04/2024", "2024-04-03")]
    [InlineData("03/04/2024\nMinisters meet\nThey may meet again, officials said.", "2024-04-03")]
    public void FindPublicationDate_SlashedDateReadingBothWays_ResolvedByTheArticle(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), PublicationDateParser.FindPublicationDate(text));
    }

    [Fact]
    public void FindPublicationDate_SlashedDateReadingBothWays_LosesToPublishedLabel()
    {
        const string text = "Ministers meet\n03/04/2024\nPublished: 5 May 2024";

        Assert.Equal(new DateOnly(2024, 5, 5), PublicationDateParser.FindPublicationDate(text));
    }

    [Fact]
    public void FindPublicationDate_HeaderTimestamp_WinsOverBodyDate()
    {
        const string text = "10:22 17.10.2024\nMinisters meet\nThe plan agreed on 1 May 2020 was reviewed, officials said.";

        Assert.Equal(new DateOnly(2024, 10, 17), PublicationDateParser.FindPublicationDate(text));
    }

    [Fact]
    public void FindPublicationDate_PublishedLabel_WinsOverEarlierProseDate()
    {
        const string text = "Ministers recall the 4 April 1949 treaty\nPublished: 3 March 2025\nText of the article follows here today.";

        Assert.Equal(new DateOnly(2025, 3, 3), PublicationDateParser.FindPublicationDate(text));
    }

    [Fact]
    public void FindPublicationDate_LastUpdated_LosesToStandaloneDate()
    {
        const string text = "Headline\nLast updated: 9 March 2025\n2 March 2025\nBody text here.";

        Assert.Equal(new DateOnly(2025, 3, 2), PublicationDateParser.FindPublicationDate(text));
    }

    [Fact]
    public void FindPublicationDate_DateOnlyDeepInBody_ReturnsNull()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"Paragraph {i} of the article without any date in it.").ToList();
        lines.Add("The treaty was signed on 4 April 1949 in Washington.");

        Assert.Null(PublicationDateParser.FindPublicationDate(string.Join("\n", lines)));
    }

    [Fact]
    public void FindPublicationDate_LabelledDateAtTheBottom_IsFound()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"Paragraph {i} of the article.").Append("Published 3 March 2025");

        Assert.Equal(new DateOnly(2025, 3, 3), PublicationDateParser.FindPublicationDate(string.Join("\n", lines)));
    }

    [Fact]
    public void FindPublicationDate_NoDate_ReturnsNull()
    {
        Assert.Null(PublicationDateParser.FindPublicationDate("Ministers meet\nThey met in July, as every year since 2014."));
    }
}
