using System.Text;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Tests.Ingestion;

/// <summary>A real temporary folder to write briefing files into; deleted on dispose.</summary>
internal sealed class TempBriefingFolder : IDisposable
{
    public TempBriefingFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "nbb-ingest-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<ParsedBriefing> ReadAsync(string path, long maxBytes = 5 * 1024 * 1024) =>
        new BriefingReader(maxBytes).ReadAsync(path, Root);

    public async Task<string> RejectionAsync(string path, long maxBytes = 5 * 1024 * 1024) =>
        (await Assert.ThrowsAsync<BriefingRejectedException>(() => ReadAsync(path, maxBytes))).Message;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
