using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class HtmlBriefingTests : IDisposable
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head>
          <title>Allies boost air defence | Example Post</title>
          <meta property="og:site_name" content="Example Post">
          <meta property="article:published_time" content="2025-03-04T07:30:00Z">
          <link rel="canonical" href="https://example.org/air-defence">
          <style>p { color: red }</style>
          <script>window.track = true;</script>
        </head><body>
          <header><a href="/">Example Post</a><nav><ul><li>World</li><li>Politics</li></ul></nav></header>
          <div class="cookie-banner">We use cookies. Accept all?</div>
          <main>
            <article>
              <h1>Allies boost air defence</h1>
              <div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
              <p>Allies agreed on Tuesday to buy more <b>interceptors</b> for Europe.</p>
              <div class="adSlot">Buy cheap flights now</div>
              <h2>What comes next</h2>
              <p>Deliveries start in June,<br>officials said.</p>
              <ul><li>Patriot batteries</li><li>IRIS-T systems</li></ul>
              <aside><h3>Related</h3><ul><li>Minister resigns over row</li></ul></aside>
              <section class="related-articles"><a>Storm hits coast</a></section>
            </article>
          </main>
          <footer>© 2025 Example Post. All rights reserved.</footer>
        </body></html>
        """;

    private readonly TempBriefingFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Extract_NewsPage_ReadsMetadataFromHead()
    {
        var (metadata, _) = HtmlBriefingExtractor.Extract(Page);

        Assert.Equal(new BriefingMetadata("Allies boost air defence", new DateOnly(2025, 3, 4), "Example Post", "https://example.org/air-defence"), metadata);
    }

    [Fact]
    public void Extract_NewsPage_KeepsBlocksAsParagraphsAndDropsFurniture()
    {
        var (_, text) = HtmlBriefingExtractor.Extract(Page);

        Assert.Equal(
            "Allies boost air defence\n\nAllies agreed on Tuesday to buy more interceptors for Europe.\n\nWhat comes next\n\nDeliveries start in June,\nofficials said.\n\n- Patriot batteries\n\n- IRIS-T systems",
            text);
    }

    [Fact]
    public async Task ReadAsync_HtmlFile_ProducesCleanBriefing()
    {
        var briefing = await _folder.ReadAsync(_folder.Write("news/page.htm", Page));

        Assert.Equal("news/page.htm", briefing.File);
        Assert.Equal("Allies boost air defence", briefing.Title);
        Assert.Equal(new DateOnly(2025, 3, 4), briefing.Published);
        Assert.Equal("Example Post", briefing.Publisher);
        Assert.Contains("Allies agreed on Tuesday to buy more interceptors for Europe.", briefing.Text, StringComparison.Ordinal);
        Assert.Contains("Deliveries start in June, officials said.", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookies", briefing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Storm hits", briefing.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><head><title>T</title></head><body><p>Ministers met.</p><time datetime=\"2024-06-12\">12 June</time></body></html>", "2024-06-12")]
    [InlineData("<html><body><span itemprop=\"datePublished\" content=\"2024-07-05\">5 July</span><p>Ministers met.</p></body></html>", "2024-07-05")]
    [InlineData("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-10-17T10:22:00+03:00\"}</script></head><body><p>Ministers met.</p></body></html>", "2024-10-17")]
    public void Extract_DateInMarkup_Found(string html, string expected)
    {
        var (metadata, _) = HtmlBriefingExtractor.Extract(html);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), metadata.Published);
    }

    [Fact]
    public void Extract_NoTitleTagButH1_TitleFromH1()
    {
        var (metadata, _) = HtmlBriefingExtractor.Extract("<html><body><h1>Ministers  meet</h1><p>Ministers met.</p></body></html>");

        Assert.Equal("Ministers meet", metadata.Title);
    }
}
