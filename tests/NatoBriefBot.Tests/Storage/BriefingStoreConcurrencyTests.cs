using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Storage;

public sealed class BriefingStoreConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Upsert_ParallelWritersAndReaders_EveryBriefingStoredWhole()
    {
        var store = Records.Store(_folder);
        var records = Enumerable.Range(0, 24)
            .Select(i => Records.Briefing($"b{i:00}.txt", $"Briefing {i} headline\nMinisters discussed topic{i} and air defence for Ukraine. They agreed on plan{i}."))
            .ToList();
        var query = Records.Embedder.Embed("air defence for Ukraine");
        var fts = string.Join(" OR ", TermAnalyzer.Terms("air defence").Select(t => "\"" + t + "\""));

        var writers = records.Select(r => Task.Run(() => store.Upsert(r)));
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                var vectorHits = store.SearchVectors(query, 5);
                var keywordHits = store.SearchKeywords(fts, 5);
                Assert.All(store.GetPassages(vectorHits.Select(h => h.Id).ToList()).Values, p => Assert.False(string.IsNullOrEmpty(p.Text)));
                Assert.True(keywordHits.Count <= 5);
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        var stored = store.ListBriefings();
        Assert.Equal(24, stored.Count);
        Assert.Equal(records.Sum(r => r.Passages.Count), store.PassageCount);
        Assert.All(stored, b => Assert.Equal(records.Single(r => r.File == b.File).Passages.Count, b.PassageCount));
        Assert.Equal(24, store.SearchKeywords(fts, 100).Count);
    }

    [Fact]
    public void Upsert_FailsMidway_PreviousVersionKept()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", "The first version of the briefing text."));
        var good = Records.Briefing("a.txt", "A second version that never lands.");
        var broken = good with { Passages = [good.Passages[0], good.Passages[0] with { Text = null! }] };

        Assert.ThrowsAny<Exception>(() => store.Upsert(broken));

        var (_, text, passages) = store.GetBriefing("a.txt")!.Value;
        Assert.Equal("The first version of the briefing text.", text);
        Assert.Single(passages);
        Assert.Equal(1, store.PassageCount);
    }
}
