using System.Text;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class BriefingReaderContentTests : IDisposable
{
    private const string Article = """
        Ministers agree new air defence plan
        Published: 12 June 2024 | 3 min read

        BRUSSELS (Reuters) - NATO defence ministers agreed a new air defence plan on Wednesday.

        The plan covers missiles, drones and the training of crews across the alliance.
        """;

    private readonly TempBriefingFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadAsync_ContentAlreadyRead_SameBriefingAsReadingTheFile()
    {
        var path = _folder.Write("news/a.txt", Article);
        _folder.Write("news/a.meta.json", """{"url": "https://example.org/a"}""");
        var reader = new BriefingReader(5 * 1024 * 1024);

        var fromFile = await reader.ReadAsync(path, _folder.Root);
        var fromContent = await reader.ReadAsync(path, _folder.Root, Encoding.UTF8.GetBytes(Article));

        Assert.Equal(fromFile, fromContent);
        Assert.Equal("https://example.org/a", fromContent.Url);
        Assert.Equal(new DateOnly(2024, 6, 12), fromContent.Published);
    }

    [Fact]
    public async Task ReadAsync_ContentOverTheLimit_RejectedWithTheFileMessage()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 2048));
        var path = _folder.Write("big.txt", bytes);

        var error = await Assert.ThrowsAsync<BriefingRejectedException>(() => new BriefingReader(1024).ReadAsync(path, _folder.Root, bytes));

        Assert.Equal(await _folder.RejectionAsync(path, maxBytes: 1024), error.Message);
    }

    [Fact]
    public async Task ReadAsync_ContentOfUnsupportedFileType_Rejected()
    {
        var error = await Assert.ThrowsAsync<BriefingRejectedException>(
            () => new BriefingReader(1024).ReadAsync(Path.Combine(_folder.Root, "a.pdf"), _folder.Root, "%PDF"u8.ToArray()));

        Assert.Equal("unsupported file type .pdf; use .txt, .md or .html", error.Message);
    }
}
