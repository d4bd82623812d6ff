using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class BoilerplateCleanerTests
{
    private static readonly string[] ArticleSentences =
    [
        "Allies agree new air defence fund at Brussels talks",
        "Defence ministers agreed on Tuesday to pool 12 billion euros for air defence.",
        "\"This is a turning point,\" the chair said after the vote.",
        "- What happens next",
        "The fund will start buying interceptors in June, officials said.",
        "Critics warned that 3.5% of GDP may not be enough, and asked: who pays?",
        "The next meeting is set for 14 October 2025 in Oslo.",
    ];

    private const string Page = """
        Home > World > Europe
        Allies agree new air defence fund at Brussels talks
        Updated 09:15
        4 min read
        Allies agree new air defence fund at Brussels talks
        Share this article
        Photo: Staff photographer / Example Agency
        Defence ministers agreed on Tuesday to pool 12 billion euros for air defence.
        - Advertisement -
        "This is a turning point," the chair said after the vote.

        - What happens next
        The fund will start buying interceptors in June, officials said.
        Sponsored
        Critics warned that 3.5% of GDP may not be enough, and asked: who pays?
        READ ALSO
        Coastguard seizes fishing boat in disputed waters
        The next meeting is set for 14 October 2025 in Oslo.
        Topics: #defence #europe
        We use cookies to improve your experience. By continuing you accept our cookie policy.
        RELATED
        Five things to watch at the summit
        Minister resigns over procurement row
        Most read
        08:40 03.03.2025
        Storm hits coastal towns overnight
        Storm hits coastal towns overnight
        Football club fined for fan violence
        ADVERTISEMENT
        © 2025 Example News Ltd. All rights reserved.
        This article was originally published by Example Wire and is republished with permission.
        """;

    private static readonly string[] Junk =
    [
        "Home >", "Updated 09:15", "4 min read", "Share this article", "Photo:", "Advertisement", "Sponsored", "READ ALSO",
        "Coastguard", "Topics:", "cookies", "RELATED", "Five things", "Minister resigns", "Most read", "03.03.2025", "Storm hits",
        "Football club", "ADVERTISEMENT", "©", "originally published",
    ];

    [Fact]
    public void Clean_MadeUpNewsPage_RemovesEveryKindOfJunk()
    {
        var cleaned = BoilerplateCleaner.Clean(Page);

        Assert.All(Junk, junk => Assert.DoesNotContain(junk, cleaned, StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_MadeUpNewsPage_KeepsEveryArticleSentence()
    {
        var cleaned = BoilerplateCleaner.Clean(Page);

        Assert.All(ArticleSentences, sentence => Assert.Contains(sentence, cleaned, StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_HeadlinePrintedTwice_KeepsOneCopy()
    {
        var cleaned = BoilerplateCleaner.Clean(Page);

        Assert.Equal(cleaned.IndexOf(ArticleSentences[0], StringComparison.Ordinal), cleaned.LastIndexOf(ArticleSentences[0], StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_UnknownHeaderWithTrailingHeadlines_RemovesTheList()
    {
        const string page = """
            Ministers back drone coalition
            Ministers backed a drone coalition on Monday, the ministry said.
            Elsewhere on the site
            Port strike ends after two weeks
            Port strike ends after two weeks
            Rail fares rise again in spring
            Zoo welcomes twin panda cubs
            """;

        var cleaned = BoilerplateCleaner.Clean(page);

        Assert.Equal("Ministers back drone coalition\n\nMinisters backed a drone coalition on Monday, the ministry said.", cleaned);
    }

    [Fact]
    public void Clean_CapsHeaderListInTheMiddle_RemovedAndArticleContinues()
    {
        const string page = """
            Navy chiefs meet in Lisbon
            Navy chiefs met in Lisbon to discuss Atlantic patrols on Wednesday.
            EDITOR PICKS
            Tech firm unveils folding phone
            Singer announces farewell tour
            Heatwave warning for the south
            The chiefs agreed to share more surveillance data with each other.
            """;

        var cleaned = BoilerplateCleaner.Clean(page);

        Assert.DoesNotContain("EDITOR PICKS", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("folding phone", cleaned, StringComparison.Ordinal);
        Assert.Contains("The chiefs agreed to share more surveillance data with each other.", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_ArticleEndingWithBulletedKeyPoints_KeepsThem()
    {
        const string page = """
            What ministers decided
            Ministers took three decisions at the meeting in Brussels on Friday.
            Key decisions
            - a new force model
            - regional defence plans
            - a higher ammunition target
            """;

        var cleaned = BoilerplateCleaner.Clean(page);

        Assert.Contains("- a new force model", cleaned, StringComparison.Ordinal);
        Assert.Contains("- a higher ammunition target", cleaned, StringComparison.Ordinal);
        Assert.Contains("Key decisions", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_HardWrappedParagraph_JoinsIntoOneLine()
    {
        const string page = "Ministers said the Alliance would keep supporting Kyiv and\nwould review its plans again in the autumn.";

        var cleaned = BoilerplateCleaner.Clean(page);

        Assert.Equal("Ministers said the Alliance would keep supporting Kyiv and would review its plans again in the autumn.", cleaned);
    }

    [Theory]
    [InlineData("AD")]
    [InlineData("Advertisement")]
    [InlineData("Sponsored content")]
    [InlineData("3 min read")]
    [InlineData("Reading time: 5 minutes")]
    [InlineData("Tags: #nato #x")]
    [InlineData("#ukraine #defence")]
    [InlineData("Share | Print | Email")]
    [InlineData("Subscribe to our newsletter for daily updates")]
    [InlineData("Copyright 2024 Some Media Group")]
    [InlineData("/Public Release. This material from the originating organization might be edited. View in full here.")]
    [InlineData("Image: NATO")]
    [InlineData("• |")]
    [InlineData("• Last updated: 2 Mar. 2025 11:05")]
    [InlineData("15:02 12.06.2024")]
    [InlineData("Source: Defence Desk")]
    [InlineData("Brussels, 12 June 2024")]
    [InlineData("Follow us on Telegram")]
    [InlineData("Copyright © 2025 Example Media")]
    [InlineData("Home > Europe > NATO")]
    [InlineData("2024-10-16 | Technology | 4 min read")]
    [InlineData("By Sam Lee · 31 August 2022, 22:47 · 3 min read")]
    [InlineData("Tuesday 24 October 2023 · by Fiona MacLeod")]
    [InlineData("12/06/2024 07:40 — updated 12/06/2024 11:15")]
    public void Classify_ChromeLine_IsChrome(string line)
    {
        Assert.True(BoilerplateLines.IsChrome(line));
    }

    [Theory]
    [InlineData("- Support for Ukraine")]
    [InlineData("NATO")]
    [InlineData("On Friday (5 July 2024), the Secretary General spoke.")]
    [InlineData("The ad campaign cost 3 million euros, the minister said.")]
    [InlineData("He said readers could share their views with the ministry.")]
    [InlineData("Press conference by the NATO Secretary General")]
    [InlineData("12 June 2024: Ministers agree new plan")]
    [InlineData("Defence | Security")]
    [InlineData("Ministers met on 3 March 2025 | officials called the talks useful.")]
    [InlineData("The report was published by NATO on Monday and says allies must spend more.")]
    [InlineData("Copyright law reform was discussed by the ministers.")]
    [InlineData("Sign up for military service rose sharply in Poland last year.")]
    [InlineData("Cookies were served at the reception, the minister joked.")]
    public void Classify_ArticleLine_IsNotChrome(string line)
    {
        Assert.False(BoilerplateLines.IsChrome(line));
    }
}
