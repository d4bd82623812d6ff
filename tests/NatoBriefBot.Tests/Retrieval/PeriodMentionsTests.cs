using NatoBriefBot.Core.Retrieval;

namespace NatoBriefBot.Tests.Retrieval;

public sealed class PeriodMentionsTests
{
    private static readonly DateRange July2023 = new(new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 31));

    [Theory]
    [InlineData("The summit in Vilnius on 11-12 July will follow.", true)]
    [InlineData("Leaders meet in July 2023 in Vilnius.", true)]
    [InlineData("Leaders met in July 2022.", false)]
    [InlineData("Ministers may decide later.", false)]
    [InlineData("It would cut the 2023 budget deficit target.", false)] // the year, not its July
    public void Mentions_TextAndPublicationYear_MatchesTheMonthAsked(string text, bool expected)
    {
        Assert.Equal(expected, PeriodMentions.Mentions(text, July2023, new DateOnly(2023, 6, 14)));
    }

    [Theory]
    [InlineData("It would cut the 2023 budget deficit target.", true)]
    [InlineData("The summit in Vilnius on 11-12 July will follow.", true)]
    [InlineData("Leaders met in July 2022.", false)]
    [InlineData("The target is 23 percent by 2023.", true)] // a year ending the sentence
    [InlineData("In 2023, output fell.", true)]
    [InlineData("Output fell 2.2023 points.", false)] // a number, not a year
    [InlineData("Output reached 12,2023 tonnes.", false)]
    [InlineData("Support rose to 2023%.", false)]
    public void Mentions_YearAsked_AYearOrMonthInIt(string text, bool expected)
    {
        var year2023 = new DateRange(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));

        Assert.Equal(expected, PeriodMentions.Mentions(text, year2023, new DateOnly(2023, 6, 14)));
    }

    [Fact]
    public void Mentions_MonthWithoutYearInUndatedText_NotMatched()
    {
        Assert.False(PeriodMentions.Mentions("The summit will be held in July.", July2023, null));
    }

    [Theory]
    [InlineData("Output is 36 million hectolitres, against 39.5 million last year.", 2021, true)]
    [InlineData("Sales fell a year earlier.", 2021, true)]
    [InlineData("The line opens next year.", 2023, true)]
    [InlineData("Output is 36 million hectolitres, against 39.5 million last year.", 2020, false)]
    public void Mentions_YearCountedFromThePublicationDate_ThatYear(string text, int year, bool expected)
    {
        var asked = new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

        Assert.Equal(expected, PeriodMentions.Mentions(text, asked, new DateOnly(2022, 9, 20)));
    }

    [Fact]
    public void Mentions_LastYearInUndatedText_NotMatched()
    {
        Assert.False(PeriodMentions.Mentions("Sales fell last year.", new DateRange(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)), null));
    }
}
