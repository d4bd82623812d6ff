using Microsoft.Data.Sqlite;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Storage;

public sealed class BriefingWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nbb-writer-").FullName;
    private readonly BriefingStore _store;

    public BriefingWriterTests()
    {
        _store = new BriefingStore(Path.Combine(_folder, "index.db"));
        _store.EnsureEmbedder(new EmbedderProfile("test", 4, 512));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Upsert_ManyBriefingsInOneSession_EachStoredWithItsPassagesAndTerms()
    {
        using (var writer = _store.OpenWriter())
        {
            writer.Upsert(Briefing("a.txt", "alpha", "bravo"));
            writer.Upsert(Briefing("b.txt", "charlie"));
            writer.Upsert(Briefing("c.txt", "delta", "echo", "foxtrot"));
        }

        Assert.Equal(["a.txt", "b.txt", "c.txt"], _store.ListBriefings().Select(b => b.File).Order());
        Assert.Equal(6, _store.PassageCount);
        var c = _store.GetBriefing("c.txt")!.Value;
        Assert.Equal(["delta", "echo", "foxtrot"], c.Passages.Select(p => p.Text));
        Assert.Single(_store.SearchKeywords("charlie", 10));
    }

    [Fact]
    public void Upsert_SameFileAgainInTheSession_ReplacesItsPassages()
    {
        using (var writer = _store.OpenWriter())
        {
            writer.Upsert(Briefing("a.txt", "alpha", "bravo"));
            writer.Upsert(Briefing("a.txt", "zulu"));
        }

        var a = _store.GetBriefing("a.txt")!.Value;
        Assert.Equal(["zulu"], a.Passages.Select(p => p.Text));
        Assert.Empty(_store.SearchKeywords("alpha", 10));
    }

    [Fact]
    public void Upsert_BriefingFailsHalfway_NothingOfItStoredAndTheSessionGoesOn()
    {
        using (var writer = _store.OpenWriter())
        {
            var broken = Briefing("broken.txt", "alpha") with { Passages = [Passage(0, "alpha"), Passage(1, null!)] };
            Assert.ThrowsAny<Exception>(() => writer.Upsert(broken));
            writer.Upsert(Briefing("b.txt", "bravo"));
        }

        Assert.Equal(["b.txt"], _store.ListBriefings().Select(b => b.File));
        Assert.Equal(1, _store.PassageCount);
        Assert.Empty(_store.SearchKeywords("alpha", 10));
    }

    private static BriefingRecord Briefing(string file, params string[] passages) =>
        new(file, "Title of " + file, new DateOnly(2024, 6, 12), null, null, "hash-" + file, string.Join("\n\n", passages),
            passages.Select((text, i) => Passage(i, text)).ToList());

    private static PassageRecord Passage(int position, string text) =>
        new(position, 0, text?.Length ?? 0, text!, text ?? "", [0.5f, 0.5f, 0.5f, 0.5f]);
}
