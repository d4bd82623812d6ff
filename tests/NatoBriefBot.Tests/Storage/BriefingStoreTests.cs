using Microsoft.Data.Sqlite;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Storage;

public sealed class BriefingStoreTests : IDisposable
{
    private const string MaritimeText =
        "Ministers agreed to establish a NATO Maritime Centre for the Security of Critical Undersea Infrastructure within MARCOM.\n" +
        "The centre will protect pipelines and cables on the seabed.";

    private const string IndustryText =
        "Defence ministers reviewed the Defence Production Action Plan.\nProducers will scale up ammunition output for Ukraine.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Fts(string text) => string.Join(" OR ", TermAnalyzer.Terms(text).Distinct().Select(t => "\"" + t + "\""));

    [Fact]
    public void Constructor_NewFile_CreatesSchema()
    {
        var path = _folder.Combine("sub/dir/index.db");

        _ = new BriefingStore(path);

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name";
        var tables = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("briefings", tables);
        Assert.Contains("passages", tables);
        Assert.Contains("passages_fts", tables);
        Assert.Contains("meta", tables);
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        Assert.Equal("4", cmd.ExecuteScalar());
    }

    [Fact]
    public void Constructor_ReopenExisting_KeepsBriefings()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));

        var reopened = new BriefingStore(store.Path);

        Assert.Equal("a.txt", Assert.Single(reopened.ListBriefings()).File);
        Assert.Equal(HashingEmbedder.ProfileName, reopened.GetEmbedder()!.Name);
    }

    [Fact]
    public void Constructor_NotSqliteFile_ThrowsClearBriefBotException()
    {
        var path = _folder.Write("notes.db", string.Concat(Enumerable.Repeat("This is not a database at all. ", 200)));

        var ex = Assert.Throws<IndexUnavailableException>(() => new BriefingStore(path));

        Assert.Contains("not a valid SQLite database", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("This is not a database", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ForeignSqliteDatabase_ThrowsAndLeavesItUntouched()
    {
        var path = _folder.Combine("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers(name) VALUES ('Ada');";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<BriefBotException>(() => new BriefingStore(path));

        Assert.Contains("not a NatoBriefBot index", ex.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table'";
        Assert.Equal(1L, count.ExecuteScalar());
    }

    [Fact]
    public void EnsureEmbedder_DifferentEmbedder_ThrowsReindexMessage()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));

        var ex = Assert.Throws<BriefBotException>(() => store.EnsureEmbedder(new EmbedderProfile("onnx:all-MiniLM-L6-v2", 384, 256)));

        Assert.Contains("--rebuild", ex.Message, StringComparison.Ordinal);
        Assert.Contains(HashingEmbedder.ProfileName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("onnx:all-MiniLM-L6-v2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureEmbedder_EmptyIndex_RecordsNewEmbedder()
    {
        var store = Records.Store(_folder);

        store.EnsureEmbedder(new EmbedderProfile("other", 64, 100));

        Assert.Equal(new EmbedderProfile("other", 64, 0), store.GetEmbedder());
    }

    [Fact]
    public void Upsert_SameFileAgain_ReplacesPassagesAndKeywordHits()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));
        Assert.NotEmpty(store.SearchKeywords(Fts("seabed"), 10));

        store.Upsert(Records.Briefing("a.txt", IndustryText, title: "Second version"));

        var only = Assert.Single(store.ListBriefings());
        Assert.Equal("Second version", only.Title);
        Assert.Equal(store.PassageCount, only.PassageCount);
        Assert.Empty(store.SearchKeywords(Fts("seabed"), 10));
        Assert.NotEmpty(store.SearchKeywords(Fts("ammunition"), 10));
        Assert.Equal(IndustryText, store.GetBriefing("a.txt")!.Value.Text);
    }

    [Fact]
    public void Upsert_Metadata_RoundTrips()
    {
        var store = Records.Store(_folder);

        store.Upsert(Records.Briefing("news/a.txt", MaritimeText, new DateOnly(2023, 6, 14), "Title A", "NATO", "https://www.nato.int/a"));

        var b = Assert.Single(store.ListBriefings());
        Assert.Equal(("news/a.txt", "Title A", new DateOnly(2023, 6, 14), "NATO", "https://www.nato.int/a"), (b.File, b.Title, b.Published, b.Publisher, b.Url));
        Assert.Equal(b, store.GetBriefing("a.txt")!.Value.Briefing);
        Assert.Equal(b, store.GetBriefing(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Value.Briefing);
        Assert.Null(store.GetBriefing("missing.txt"));
    }

    [Fact]
    public void ListBriefings_Order_OldestFirstUndatedLast()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("undated.txt", IndustryText));
        store.Upsert(Records.Briefing("new.txt", IndustryText, new DateOnly(2024, 10, 17)));
        store.Upsert(Records.Briefing("old.txt", MaritimeText, new DateOnly(2023, 6, 14)));

        Assert.Equal(["old.txt", "new.txt", "undated.txt"], store.ListBriefings().Select(b => b.File));
    }

    [Fact]
    public void Delete_OneFile_RemovesItsPassagesOnly()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));
        store.Upsert(Records.Briefing("b.txt", IndustryText));

        var removed = store.Delete(["a.txt", "never-stored.txt"]);

        Assert.Equal(1, removed);
        Assert.Equal("b.txt", Assert.Single(store.ListBriefings()).File);
        Assert.Empty(store.SearchKeywords(Fts("seabed"), 10));
        Assert.Equal(store.ListBriefings()[0].PassageCount, store.PassageCount);
    }

    [Fact]
    public void Clear_Index_EmptiesBriefingsPassagesAndEmbedder()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));

        store.Clear();

        Assert.Empty(store.ListBriefings());
        Assert.Equal(0, store.PassageCount);
        Assert.Null(store.GetEmbedder());
        Assert.Empty(store.SearchKeywords(Fts("seabed"), 10));
        Assert.Empty(store.GetContentHashes());
        Assert.Null(store.GetAnalyzer());
    }

    [Fact]
    public void GetAnalyzer_EmptyIndex_Null()
    {
        Assert.Null(Records.Store(_folder).GetAnalyzer());
    }

    [Fact]
    public void GetAnalyzer_PassagesWithoutRecordedVersion_OldestVersion()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));

        Assert.Equal("1", store.GetAnalyzer());
    }

    [Fact]
    public void SetAnalyzer_Version_ReadBackAfterReopen()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));

        store.SetAnalyzer(TermAnalyzer.Version);

        Assert.Equal(TermAnalyzer.Version, new BriefingStore(store.Path).GetAnalyzer());
    }

    [Fact]
    public void SearchKeywords_Question_RanksRightPassageFirst()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("maritime.txt", MaritimeText));
        store.Upsert(Records.Briefing("industry.txt", IndustryText));

        var hits = store.SearchKeywords(Fts("undersea cables"), 10);

        var passages = store.GetPassages(hits.Select(h => h.Id).ToList());
        Assert.Equal("maritime.txt", store.ListBriefings().Single(b => b.Id == passages[hits[0].Id].BriefingId).File);
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public void SearchVectors_Question_RanksRightPassageFirst()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("industry.txt", IndustryText));
        store.Upsert(Records.Briefing("maritime.txt", MaritimeText));

        var hits = store.SearchVectors(Records.Embedder.Embed("protecting undersea infrastructure at sea"), 5);

        var top = store.GetPassages([hits[0].Id])[hits[0].Id];
        Assert.Contains("Undersea", top.Text, StringComparison.Ordinal);
        Assert.True(hits[0].Score > hits[^1].Score);
    }

    [Fact]
    public void SearchVectors_BriefingFilter_ExcludesOthers()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("industry.txt", IndustryText));
        store.Upsert(Records.Briefing("maritime.txt", MaritimeText));
        var industry = store.ListBriefings().Single(b => b.File == "industry.txt").Id;

        var hits = store.SearchVectors(Records.Embedder.Embed("undersea infrastructure"), 5, id => id == industry);

        Assert.NotEmpty(hits);
        Assert.All(store.GetPassages(hits.Select(h => h.Id).ToList()).Values, p => Assert.Equal(industry, p.BriefingId));
    }

    [Fact]
    public void Upsert_Vectors_RoundTripExactly()
    {
        var store = Records.Store(_folder);
        var record = Records.Briefing("a.txt", MaritimeText);
        store.Upsert(record);

        var hits = store.SearchVectors(record.Passages[0].Vector, 1);

        Assert.Equal(1.0f, hits[0].Score, 4);
        var passage = store.GetPassages([hits[0].Id])[hits[0].Id];
        Assert.Equal(record.Passages[0].Text, passage.Text);
        Assert.Equal((record.Passages[0].Start, record.Passages[0].End), (passage.Start, passage.End));
    }

    [Fact]
    public void GetPassages_PassageAfterTheFirst_CarriesTheTextBeforeItThatItDoesNotRepeat()
    {
        var store = Records.Store(_folder);
        var record = Records.Briefing("long.txt", string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence number {i} of the briefing says something new.")));
        store.Upsert(record);
        Assert.True(record.Passages.Count >= 3);

        var ids = store.SearchVectors(record.Passages[0].Vector, 50).Select(h => h.Id).ToList();
        var passages = store.GetPassages(ids).Values.OrderBy(p => p.Position).ToList();

        Assert.Null(passages[0].Before);
        var text = record.Text;
        foreach (var (previous, passage) in passages.Zip(passages.Skip(1)))
        {
            Assert.Equal(text[previous.Start..passage.Start], passage.Before);
        }
    }

    [Fact]
    public void SearchVectors_AfterWriteThroughAnotherStoreInstance_SeesNewPassages()
    {
        var reader = Records.Store(_folder);
        Assert.Empty(reader.SearchVectors(Records.Embedder.Embed("seabed"), 5));
        var writer = new BriefingStore(reader.Path);

        writer.Upsert(Records.Briefing("a.txt", MaritimeText));

        Assert.NotEmpty(reader.SearchVectors(Records.Embedder.Embed("seabed"), 5));
        Assert.Single(reader.ListBriefings());
        writer.Delete(["a.txt"]);
        Assert.Empty(reader.SearchVectors(Records.Embedder.Embed("seabed"), 5));
        Assert.Empty(reader.ListBriefings());
    }

    [Fact]
    public void DocumentFrequencies_KnownAndUnknownTerms_CountsPassages()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText));
        store.Upsert(Records.Briefing("b.txt", IndustryText));
        var minister = TermAnalyzer.Normalize("ministers");

        var df = store.DocumentFrequencies([minister, "zzzunknown"]);

        Assert.Equal(2, df[minister]);
        Assert.False(df.ContainsKey("zzzunknown"));
    }

    [Fact]
    public void DocumentFrequencies_DecimalNumber_CountsThePassagesThatWriteIt()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", "Allies committed EUR 20.9 billion for military assistance in the first half of the year."));
        store.Upsert(Records.Briefing("b.txt", "The fund grew by 9 percent to 20 billion euros."));
        var decimalTerm = TermAnalyzer.Normalize("20.9");

        var df = store.DocumentFrequencies([decimalTerm, TermAnalyzer.Normalize("1.7")]);

        Assert.Equal("20.9", decimalTerm);
        Assert.Equal(1, df[decimalTerm]);
        Assert.False(df.ContainsKey("1.7"));
    }

    [Fact]
    public async Task GetSummaryAsync_DatedAndUndated_ReportsRange()
    {
        var store = Records.Store(_folder);
        store.Upsert(Records.Briefing("a.txt", MaritimeText, new DateOnly(2023, 6, 14)));
        store.Upsert(Records.Briefing("b.txt", IndustryText, new DateOnly(2024, 10, 17)));
        store.Upsert(Records.Briefing("c.txt", IndustryText));

        var summary = await store.GetSummaryAsync();

        Assert.Equal(3, summary.BriefingCount);
        Assert.Equal(store.PassageCount, summary.PassageCount);
        Assert.Equal(new DateOnly(2023, 6, 14), summary.Earliest);
        Assert.Equal(new DateOnly(2024, 10, 17), summary.Latest);
    }
}
