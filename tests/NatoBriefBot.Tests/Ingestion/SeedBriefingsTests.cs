using NatoBriefBot.Core;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public class SeedBriefingsTests
{
    private static readonly string SeedsRoot = Path.Combine(ProjectPaths.FindRoot(), "seeds");

    private static Task<ParsedBriefing> ReadSeedAsync(string name) =>
        new BriefingReader(5 * 1024 * 1024).ReadAsync(Path.Combine(SeedsRoot, name), SeedsRoot);

    [Theory]
    [InlineData("000_e92179c19b6e3612.txt", null)]
    [InlineData("001_242a83a815303927.txt", "2023-06-14")]
    [InlineData("002_bea1dc2b0db3c042.txt", "2024-06-12")]
    [InlineData("003_b6de07f0fdc6e58b.txt", "2024-10-17")]
    [InlineData("004_8ef154fe08a61319.txt", "2024-07-05")]
    public async Task ReadAsync_Seed_FindsPublicationDate(string name, string? expected)
    {
        var briefing = await ReadSeedAsync(name);

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), briefing.Published);
        Assert.Equal(name, briefing.File);
    }

    [Theory]
    [InlineData("000_e92179c19b6e3612.txt", "NATO defense ministers start 2-day meeting to discuss support for Ukraine, preparations for July summit")]
    [InlineData("001_242a83a815303927.txt", "NATO Defence Ministers to address Ukraine support, deterrence and defence, investment")]
    [InlineData("002_bea1dc2b0db3c042.txt", "Stoltenberg expects NATO defense ministers to approve plan for Alliance's leading role in coordinating aid to Ukraine")]
    [InlineData("003_b6de07f0fdc6e58b.txt", "NATO defence ministers to discuss strengthening deterrence, assistance to Ukraine")]
    [InlineData("004_8ef154fe08a61319.txt", "NATO Summit's Top Priority: Support for Ukraine")]
    public async Task ReadAsync_Seed_TitleIsHeadlineAndAppearsOnce(string name, string title)
    {
        var briefing = await ReadSeedAsync(name);

        Assert.Equal(title, briefing.Title);
        Assert.StartsWith(title, briefing.Text, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(briefing.Text, title));
    }

    [Fact]
    public async Task ReadAsync_Seed004_PublisherFromSyndicationDisclaimer()
    {
        var briefing = await ReadSeedAsync("004_8ef154fe08a61319.txt");

        Assert.Equal("Mirage.News", briefing.Publisher);
        Assert.DoesNotContain("Public Release", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("View in full here", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("\"The closer that authoritarian actors align, the more important it is that we work closely with our friends in the Indo-Pacific,\" he said.", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("On Friday (5 July 2024), Secretary General Jens Stoltenberg previewed next week's Washington Summit", briefing.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_e92179c19b6e3612.txt")]
    [InlineData("001_242a83a815303927.txt")]
    [InlineData("002_bea1dc2b0db3c042.txt")]
    [InlineData("003_b6de07f0fdc6e58b.txt")]
    public async Task ReadAsync_Seed_NamesNoPublisher(string name)
    {
        var briefing = await ReadSeedAsync(name);

        Assert.Null(briefing.Publisher);
    }

    [Fact]
    public async Task ReadAsync_Seed002_DropsHeadlineListsAndKeepsArticle()
    {
        var briefing = await ReadSeedAsync("002_bea1dc2b0db3c042.txt");

        foreach (var junk in new[] { "2 min read", "Tags:", "MORE ABOUT", "HOT NEWS", "LATEST", "Kryvy Rih", "Hungary won", "Syrsky", "12.06.2024", "date 2024-06-12", "\nAD" })
        {
            Assert.DoesNotContain(junk, briefing.Text, StringComparison.Ordinal);
        }

        Assert.Contains("We must maintain this level of support as a minimum, and for as long as it takes,\" the secretary general said.", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("This Ministerial will also include a meeting of the Nuclear Planning Group, where Allies will discuss the ongoing adaptation of nuclear capabilities to the current security environment.", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("Italy has pledged another SAMP/T.", briefing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Seed003_DropsAdsAndReadTime()
    {
        var briefing = await ReadSeedAsync("003_b6de07f0fdc6e58b.txt");

        Assert.DoesNotContain("3 min read", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("17.10.2024", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(briefing.Text.Split('\n'), l => l.Trim() == "AD");
        Assert.Contains("NATO allies committed EUR 20.9 billion for military assistance to Ukraine during the first half of 2024.", briefing.Text, StringComparison.Ordinal);
        Assert.EndsWith("Rustem Umerov.", briefing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Seed001_DropsBulletChromeKeepsEverySentence()
    {
        var briefing = await ReadSeedAsync("001_242a83a815303927.txt");

        Assert.DoesNotContain("•", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Last updated", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("Previewing the meeting on Wednesday (14 June 2023)", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("with 2% of GDP on defence as a floor, not a ceiling.", briefing.Text, StringComparison.Ordinal);
        Assert.EndsWith("This will be the last meeting of NATO Defence Ministers before the Vilnius Summit on 11 and 12 July.", briefing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Seed000_KeepsEveryLineIncludingSubheads()
    {
        var raw = await File.ReadAllLinesAsync(Path.Combine(SeedsRoot, "000_e92179c19b6e3612.txt"));
        var briefing = await ReadSeedAsync("000_e92179c19b6e3612.txt");

        Assert.All(raw.Where(l => l.Trim().Length > 0), line => Assert.Contains(line.Trim(), briefing.Text, StringComparison.Ordinal));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
