using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Api;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>
/// Briefings written by an attacker: script URLs in front matter, sidecar and HTML, markup in titles and publishers,
/// links and images in the article text, a URL that tries to close its link and a title ending in a backslash.
/// They are ingested for real, and their citations rendered for every channel.
/// </summary>
public sealed partial class HostileBriefingTests : IDisposable
{
    private const string HostileTitle = "<script>alert(1)</script> [pwn](javascript:alert(2)) Maritime plan \\";
    private const string HostilePublisher = "<img src=x onerror=alert(3)> **Evil** [x](javascript:alert(6))";
    private const string HostileText = "Ministers agreed to set up a maritime centre ![track](http://evil.example/p.png) and [click here](javascript:alert(4)) to protect undersea cables.";
    private const string Breakout = "https://example.org/a>b)c\"d";

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public HostileBriefingTests()
    {
        _services = TestEngine.Build(_folder.Combine("index.db"), Records.HashingEngine());
        _folder.Write("in/hostile.txt", $"---\ntitle: {HostileTitle}\npublisher: {HostilePublisher}\nurl: javascript:alert(1)\n---\n{HostileText}\n");
        _folder.Write("in/sidecar.txt", "Sidecar briefing\n\nDefence ministers reviewed the production plan for ammunition.\n");
        _folder.Write("in/sidecar.txt.meta.json", "{\"title\": \"Sidecar <b>bold</b>\", \"url\": \"data:text/html,<script>alert(1)</script>\"}");
        _folder.Write("in/canonical.html", "<html><head><title>Canonical page</title><link rel=\"canonical\" href=\"javascript:alert(5)\"></head><body><article><p>Allies agreed on air defence for Ukraine at the summit in Washington.</p></article></body></html>");
        _folder.Write("in/breakout.txt", $"---\ntitle: Breakout link\nurl: {Breakout}\n---\nThe summit endorsed the new command in Wiesbaden.\n");
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private async Task<(IngestReport Report, IReadOnlyList<StoredBriefing> Stored)> IngestAsync()
    {
        var report = await _services.GetRequiredService<IngestionPipeline>().IngestAsync([_folder.Combine("in")], new IngestRunOptions());
        return (report, _services.GetRequiredService<BriefingStore>().ListBriefings());
    }

    /// <summary>An answer citing every stored briefing with its stored metadata and passage, plus one citation from an index
    /// written before links were checked (its javascript: URL must still not be rendered).</summary>
    private async Task<Answer> HostileAnswerAsync()
    {
        var (_, stored) = await IngestAsync();
        var store = _services.GetRequiredService<BriefingStore>();
        var citations = stored.Select((b, i) => new Citation(i + 1, b.File, b.Title, b.Published, b.Publisher, b.Url, store.GetBriefing(b.File)!.Value.Passages[0].Text)).ToList();
        citations.Add(new Citation(citations.Count + 1, "old.txt", HostileTitle, null, HostilePublisher, "javascript:alert(7)", HostileText));
        return new Answer("What did ministers agree?", AnswerOutcome.Answered, HostileText + " " + string.Concat(citations.Select(c => $"[{c.N}]")), citations);
    }

    [Fact]
    public async Task Ingest_NonHttpUrls_DroppedAndReportedByFile()
    {
        var (report, stored) = await IngestAsync();

        Assert.Empty(report.Failed);
        Assert.Equal(["canonical.html", "hostile.txt", "sidecar.txt"], report.Notes.Select(n => n.File).Order(StringComparer.Ordinal));
        Assert.All(report.Notes, n => Assert.Contains("only http and https", n.Note, StringComparison.Ordinal));
        Assert.Equal([null, null, null], stored.Where(b => b.File != "breakout.txt").Select(b => b.Url));
        Assert.Equal(Breakout, stored.Single(b => b.File == "breakout.txt").Url);
        Assert.Equal(HostileTitle, stored.Single(b => b.File == "hostile.txt").Title);
    }

    [Fact]
    public async Task IngestCommand_NonHttpUrls_OneNoteLinePerFileAndExitZero()
    {
        var result = await BotProcess.RunAsync(["ingest", _folder.Combine("in"), "--db", _folder.Combine("cli.db")], environment: new Dictionary<string, string> { ["Embedding__Provider"] = "Hashing" });

        Assert.Equal(0, result.ExitCode);
        var notes = result.OutLines.Where(l => l.StartsWith("note: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("note: hostile.txt: its link \"javascript:alert(1)\" was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_Emulator_NoLiveMarkupLinksOrImages()
    {
        var reply = ReplyRenderer.Render(await HostileAnswerAsync(), "emulator", "k");

        AssertInertMarkdown(reply.Text);
        Assert.Contains("\\[click here\\](javascript:alert(4))", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\\!\\[track\\]", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[link](<https://example.org/a%3Eb%29c%22d>)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("\\<img src=x onerror=alert(3)\\>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WebChat_ReferenceLinesWellFormedAndTextInert()
    {
        var answer = await HostileAnswerAsync();
        var reply = ReplyRenderer.Render(answer, "webchat", "k");

        var definitions = reply.Text.Split('\n').Where(l => l.StartsWith('[') && l.Contains("]: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(answer.Citations.Count, definitions.Count);
        Assert.All(definitions, d => Assert.Matches(ReferenceDefinition(), d));
        // A backslash at the end of a (possibly shortened) title is escaped, so it can't swallow the closing quote.
        Assert.All(definitions, d => Assert.DoesNotMatch(@"(?<!\\)(?:\\\\)*\\""$", d));
        AssertInertMarkdown(reply.Text[..reply.Text.IndexOf("\n\n[1]: ", StringComparison.Ordinal)]);
        AssertEntityLinks(reply.Entities!);
        var quotes = Claims(reply.Entities!).Select(c => c.GetProperty("appearance")).Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString()!);
        Assert.All(quotes, AssertInertMarkdown);
    }

    [Fact]
    public async Task Render_Teams_EntityTextHtmlEncodedAndLinksHttpOnly()
    {
        var reply = ReplyRenderer.Render(await HostileAnswerAsync(), "msteams", "k");

        AssertInertMarkdown(reply.Text);
        AssertEntityLinks(reply.Entities!);
        var shown = Claims(reply.Entities!).SelectMany(c => new[] { c.GetProperty("appearance").GetProperty("name").GetString()!, c.GetProperty("appearance").GetProperty("abstract").GetString()! }
            .Concat(c.GetProperty("appearance").TryGetProperty("keywords", out var k) ? k.EnumerateArray().Select(x => x.GetString()!) : [])).ToList();
        Assert.All(shown, s => Assert.DoesNotContain('<', s));
        Assert.Contains(shown, s => s.Contains("&lt;script&gt;", StringComparison.Ordinal));
        Assert.Contains(shown, s => s.Contains("&lt;img src=x", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerJson_HostileValues_KeptAsDataAndNonHttpUrlsDropped()
    {
        var answer = await HostileAnswerAsync();

        var json = JsonDocument.Parse(JsonSerializer.Serialize(AnswerJson.From(answer))).RootElement;

        var citations = json.GetProperty("citations").EnumerateArray().ToList();
        Assert.All(citations, c => Assert.True(c.GetProperty("url").ValueKind == JsonValueKind.Null || c.GetProperty("url").GetString()!.StartsWith("https://", StringComparison.Ordinal)));
        Assert.Contains(citations, c => c.GetProperty("title").GetString() == HostileTitle);
        Assert.Contains(citations, c => c.GetProperty("url").GetString() == Breakout);
    }

    /// <summary>No Markdown link, image, autolink or HTML tag can start anywhere except at the answer's own [n] markers and
    /// at link destinations that are http(s) and fully enclosed.</summary>
    private static void AssertInertMarkdown(string markdown)
    {
        foreach (Match link in LinkDestination().Matches(markdown))
        {
            Assert.Matches(@"^<https?://[^<>\s]+>$", link.Groups["dest"].Value);
        }

        Assert.DoesNotMatch(UnescapedTag(), LinkDestination().Replace(markdown, ""));
        Assert.DoesNotMatch(UnescapedImage(), markdown);
    }

    private static void AssertEntityLinks(IReadOnlyList<JsonElement> entities)
    {
        var urls = Claims(entities).Select(c => c.GetProperty("appearance")).Where(a => a.TryGetProperty("url", out _)).Select(a => a.GetProperty("url").GetString()!).ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.StartsWith("https://", u, StringComparison.Ordinal));
    }

    private static IEnumerable<JsonElement> Claims(IReadOnlyList<JsonElement> entities) => Assert.Single(entities).GetProperty("citation").EnumerateArray();

    [GeneratedRegex(@"(?<!\\)\]\((?<dest>(?:<[^>]*>|[^)\s]*))\)")]
    private static partial Regex LinkDestination();

    [GeneratedRegex(@"(?<!\\)<[A-Za-z/!?]")]
    private static partial Regex UnescapedTag();

    [GeneratedRegex(@"(?<!\\)!\[")]
    private static partial Regex UnescapedImage();

    [GeneratedRegex("^\\[\\d+\\]: <(?:https?://[^<>\\s\"]+|cite:\\d+)> \"(?:[^\"\\\\]|\\\\.)*\"$")]
    private static partial Regex ReferenceDefinition();
}
