using System.Text;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class BriefingReaderBadInputTests : IDisposable
{
    private readonly TempBriefingFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_EmptyFile_RejectedAsEmpty()
    {
        Assert.Equal("the file is empty", await _folder.RejectionAsync(_folder.Write("a.txt", [])));
    }

    [Fact]
    public async Task ReadAsync_WhitespaceOnly_RejectedAsEmpty()
    {
        Assert.Equal("the file is empty", await _folder.RejectionAsync(_folder.Write("a.md", " \n\t\r\n  ")));
    }

    [Fact]
    public async Task ReadAsync_PngBytesNamedTxt_RejectedAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        Assert.Equal("the file is binary, not text", await _folder.RejectionAsync(_folder.Write("image.txt", png)));
    }

    [Fact]
    public async Task ReadAsync_ManyControlCharacters_RejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        Assert.Equal("the file is binary, not text", await _folder.RejectionAsync(_folder.Write("a.txt", bytes)));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_RejectedWithByteAndOffset()
    {
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " in Brussels where ministers met."u8];

        var message = await _folder.RejectionAsync(_folder.Write("latin1.txt", bytes));

        Assert.StartsWith("the file is not valid UTF-8 text (byte 0xE9 at offset 3)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithBom_Accepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Ministers meet\nMinisters met in Brussels on Thursday to talk."u8];

        var briefing = await _folder.ReadAsync(_folder.Write("bom.txt", bytes));

        Assert.Equal("Ministers meet", briefing.Title);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithBom_Decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Café talks\nMinisters met in a café in Brussels on Thursday.")).ToArray();

        var briefing = await _folder.ReadAsync(_folder.Write("utf16.txt", bytes));

        Assert.Equal("Café talks", briefing.Title);
    }

    [Fact]
    public async Task ReadAsync_OverSizeLimit_RejectedWithSizesAndSetting()
    {
        var path = _folder.Write("big.txt", new string('a', 2048));

        Assert.Equal("the file is 2 KB, over the 1 KB limit (Ingestion:MaxFileBytes)", await _folder.RejectionAsync(path, maxBytes: 1024));
    }

    [Fact]
    public async Task ReadAsync_HtmlWithoutBodyText_Rejected()
    {
        var path = _folder.Write("page.html", "<html><head><title>Empty</title><script>var a = 1;</script></head><body><nav>Home</nav><div class=\"ad-slot\">Buy now</div></body></html>");

        Assert.Equal("the HTML page has no body text", await _folder.RejectionAsync(path));
    }

    [Theory]
    [InlineData("report.pdf", "unsupported file type .pdf; use .txt, .md or .html")]
    [InlineData("notes", "unsupported file type (no extension); use .txt, .md or .html")]
    public async Task ReadAsync_UnsupportedExtension_Rejected(string name, string expected)
    {
        Assert.Equal(expected, await _folder.RejectionAsync(_folder.Write(name, "Some text that is fine.")));
    }

    [Fact]
    public async Task ReadAsync_MissingFile_Rejected()
    {
        var message = await _folder.RejectionAsync(Path.Combine(_folder.Root, "gone.txt"));

        Assert.StartsWith("the file does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileLockedByAnotherWriter_RejectedAsUnreadable()
    {
        var path = _folder.Write("locked.txt", "Ministers met in Brussels on Thursday to talk.");
        using var lockHandle = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var message = await _folder.RejectionAsync(path);

        Assert.StartsWith("the file could not be read (", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_OnlyJunk_RejectedWithReason()
    {
        var path = _folder.Write("junk.txt", "AD\n2 min read\nTags: #nato\n20:59 12.06.2024\n");

        var message = await _folder.RejectionAsync(path);

        Assert.StartsWith("the file has no article text left", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileInSubfolder_FileIsRelativeWithForwardSlashes()
    {
        var path = _folder.Write(Path.Combine("2024", "june", "brief.txt"), "Ministers meet\nMinisters met in Brussels on Thursday to talk.");

        var briefing = await _folder.ReadAsync(path);

        Assert.Equal("2024/june/brief.txt", briefing.File);
    }
}
