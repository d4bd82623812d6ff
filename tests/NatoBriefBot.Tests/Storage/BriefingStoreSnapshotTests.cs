using NatoBriefBot.Core.Storage;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Storage;

/// <summary>The in-memory snapshot follows writes by loading only what changed, and always matches the index file.</summary>
public sealed class BriefingStoreSnapshotTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static BriefingRecord Numbered(int i, string topic = "air defence") =>
        Records.Briefing($"b{i:000}.txt", $"Briefing {i} headline\nMinisters discussed topic{i} and {topic} for Ukraine. They agreed on plan{i}.");

    [Fact]
    public void Snapshot_AfterOneUpsert_LoadsOnlyThatBriefingsVectors()
    {
        var store = Records.Store(_folder);
        foreach (var i in Enumerable.Range(0, 30))
        {
            store.Upsert(Numbered(i));
        }

        _ = store.PassageCount;
        var loaded = store.VectorRowsLoaded;
        var added = Numbered(30);
        store.Upsert(added);

        Assert.Equal(31, store.ListBriefings().Count);
        Assert.Equal(added.Passages.Count, store.VectorRowsLoaded - loaded);
    }

    [Fact]
    public void Snapshot_ReplaceNewestDeleteAndAdd_SameResultsAsAFreshReader()
    {
        var store = Records.Store(_folder);
        foreach (var i in Enumerable.Range(0, 12))
        {
            store.Upsert(Numbered(i));
        }

        var query = Records.Embedder.Embed("maritime centre topic11");
        _ = store.SearchVectors(query, 5);

        // The newest briefing is replaced (SQLite may give the new rows the ids just freed), others removed and added.
        store.Upsert(Numbered(11, "a maritime centre"));
        store.Delete(["b003.txt", "b004.txt"]);
        store.Upsert(Numbered(12, "a maritime centre"));
        var incremental = store.SearchVectors(query, 20);
        var fresh = new BriefingStore(store.Path);

        Assert.Equal(fresh.SearchVectors(query, 20), incremental);
        Assert.Equal(fresh.ListBriefings(), store.ListBriefings());
        Assert.Equal(fresh.PassageCount, store.PassageCount);
        Assert.DoesNotContain(store.ListBriefings(), b => b.File is "b003.txt" or "b004.txt");
        Assert.Equal(fresh.GetPassages([.. incremental.Select(h => h.Id)]).Count, incremental.Count);
    }

    [Fact]
    public void Snapshot_ManySmallWrites_StaysEqualToAFreshReader()
    {
        var store = Records.Store(_folder);
        var query = Records.Embedder.Embed("air defence plan");
        foreach (var i in Enumerable.Range(0, 60))
        {
            store.Upsert(Numbered(i % 45));
            if (i % 7 == 0)
            {
                store.Delete([$"b{i / 2:000}.txt"]);
            }

            _ = store.SearchVectors(query, 3);
        }

        var fresh = new BriefingStore(store.Path);
        Assert.Equal(fresh.SearchVectors(query, 50), store.SearchVectors(query, 50));
        Assert.Equal(fresh.PassageCount, store.PassageCount);
    }
}
