using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class BriefingMetadataSourcesTests : IDisposable
{
    private const string Article = "10:22 17.10.2024\nMinisters meet in Brussels\nMinisters met in Brussels on Thursday to discuss air defence.\n";

    private readonly TempBriefingFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_FrontMatter_WinsOverText()
    {
        var path = _folder.Write("a.txt", "---\ntitle: \"Official headline\"\ndate: 2024-10-16\nsource: NATO Newsroom\nlink: https://example.org/a\n---\n" + Article);

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal("Official headline", briefing.Title);
        Assert.Equal(new DateOnly(2024, 10, 16), briefing.Published);
        Assert.Equal("NATO Newsroom", briefing.Publisher);
        Assert.Equal("https://example.org/a", briefing.Url);
        Assert.StartsWith("Official headline\n\n", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("---", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("Ministers met in Brussels on Thursday to discuss air defence.", briefing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PartialFrontMatter_RestFromText()
    {
        var path = _folder.Write("a.md", "---\npublisher: Defence Desk\n---\n" + Article);

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal("Ministers meet in Brussels", briefing.Title);
        Assert.Equal(new DateOnly(2024, 10, 17), briefing.Published);
        Assert.Equal("Defence Desk", briefing.Publisher);
    }

    [Fact]
    public async Task ReadAsync_FrontMatterWithImpossibleDate_Rejected()
    {
        var message = await _folder.RejectionAsync(_folder.Write("a.txt", "---\ndate: 31.02.2024\n---\n" + Article));

        Assert.Contains("front matter has a date that is not a valid date", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.txt.meta.json")]
    [InlineData("a.meta.json")]
    public async Task ReadAsync_Sidecar_EitherNaming_Applied(string sidecar)
    {
        var path = _folder.Write("a.txt", Article);
        _folder.Write(sidecar, """{"title": "Sidecar headline", "published": "2024-10-15", "publisher": "Alliance Wire", "url": "https://example.org/s"}""");

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal(new ParsedBriefing("a.txt", "Sidecar headline", new DateOnly(2024, 10, 15), "Alliance Wire", "https://example.org/s", briefing.Text), briefing);
    }

    [Fact]
    public async Task ReadAsync_SidecarAndFrontMatter_SidecarWinsFrontMatterFillsGaps()
    {
        var path = _folder.Write("a.txt", "---\ntitle: Front title\npublisher: Front Publisher\n---\n" + Article);
        _folder.Write("a.txt.meta.json", """{"title": "Sidecar title"}""");

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal("Sidecar title", briefing.Title);
        Assert.Equal("Front Publisher", briefing.Publisher);
    }

    [Fact]
    public async Task ReadAsync_SidecarNotJson_RejectedNamingTheSidecar()
    {
        var path = _folder.Write("a.txt", Article);
        _folder.Write("a.meta.json", "{ title: oops");

        var message = await _folder.RejectionAsync(path);

        Assert.StartsWith("the metadata file a.meta.json is not valid JSON", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_x.txt.meta.json", true)]
    [InlineData("sub/000_x.META.JSON", true)]
    [InlineData("000_x.txt", false)]
    [InlineData("meta.json.txt", false)]
    public void IsSidecar_Path_DetectsSidecars(string path, bool expected)
    {
        Assert.Equal(expected, BriefingReader.IsSidecar(path));
    }

    [Fact]
    public async Task ReadAsync_Markdown_HeadingBecomesTitleAndLinksBecomeText()
    {
        var path = _folder.Write("a.md", "# Ministers *meet* in Brussels\n\nMinisters met at [NATO HQ](https://nato.int) on **Thursday** to talk.\n\n![chart](c.png)\n");

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal("Ministers meet in Brussels", briefing.Title);
        Assert.Equal("Ministers meet in Brussels\n\nMinisters met at NATO HQ on Thursday to talk.", briefing.Text);
    }
}
