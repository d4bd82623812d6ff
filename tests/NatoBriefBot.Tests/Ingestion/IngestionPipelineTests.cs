using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class IngestionPipelineTests : IDisposable
{
    private const string Maritime = "Maritime centre agreed\n\nMinisters agreed to establish a NATO Maritime Centre for the Security of Critical Undersea Infrastructure within MARCOM.\nThe centre will protect pipelines and cables on the seabed.\n";
    private const string Industry = "Defence production plan\n\nDefence ministers reviewed the Defence Production Action Plan. Producers will scale up ammunition output for Ukraine.\n";
    private const string Summit = "Washington Summit preview\n\nThe Secretary General previewed the Washington Summit and its package for Ukraine.\n";

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public IngestionPipelineTests()
    {
        _services = TestEngine.Build(_folder.Combine("index.db"));
    }

    private string Briefings => _folder.Combine("briefings");

    private IngestionPipeline Pipeline => _services.GetRequiredService<IngestionPipeline>();

    private BriefingStore Store => _services.GetRequiredService<BriefingStore>();

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private void WriteGoodFiles()
    {
        _folder.Write("briefings/maritime.txt", Maritime);
        _folder.Write("briefings/industry.md", Industry);
        _folder.Write("briefings/2024/summit.txt", Summit);
    }

    private Task<IngestReport> IngestAsync(IngestRunOptions? options = null) => Pipeline.IngestAsync([Briefings], options ?? new IngestRunOptions());

    [Fact]
    public async Task IngestAsync_GoodFiles_AllStoredWithRelativePaths()
    {
        WriteGoodFiles();

        var report = await IngestAsync();

        Assert.Equal((3, 0, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Empty(report.Failed);
        Assert.Equal(["2024/summit.txt", "industry.md", "maritime.txt"], Store.ListBriefings().Select(b => b.File).Order(StringComparer.Ordinal));
        Assert.Equal(Store.PassageCount, report.Passages);
    }

    [Fact]
    public async Task IngestAsync_UndatedReportOfADatedOnesEvent_PlacedInTimeButStillUndated()
    {
        _folder.Write("briefings/undated.txt", "Ministers meet\n\nMinisters will prepare for the summit to be held in Vilnius on July 11-12.\n");
        _folder.Write("briefings/dated.txt", "Ministers to meet\n\nPublished: 14 June 2023\n\nThis is the last meeting before the Vilnius Summit on 11 and 12 July.\n");

        await IngestAsync();
        var placed = Store.CurrentSnapshot().Briefings.Single(b => b.File == "undated.txt");
        _folder.Write("briefings/dated.txt", "Ministers to meet\n\nPublished: 14 June 2023\n\nThis is the last meeting before the summit.\n");
        await IngestAsync();
        var unplaced = Store.CurrentSnapshot().Briefings.Single(b => b.File == "undated.txt");

        // The event date places the briefing for a question's period; it never becomes its publication date.
        Assert.Equal((null, new DateOnly(2023, 6, 14)), (placed.Published, placed.PeriodDate));
        Assert.Equal((null, null), (unplaced.Published, unplaced.PeriodDate));
    }

    [Fact]
    public async Task IngestAsync_EmptyAndUnsupportedFiles_GoodOnesStoredFailuresNamed()
    {
        WriteGoodFiles();
        _folder.Write("briefings/empty.txt", string.Empty);
        _folder.Write("briefings/blank.md", "   \n\n  ");
        _folder.WriteBytes("briefings/report.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nNATO defence ministers met."u8.ToArray());

        var report = await IngestAsync();

        Assert.Equal(3, report.Added);
        Assert.Equal(["blank.md", "empty.txt", "report.pdf"], report.Failed.Select(f => f.File));
        Assert.All(report.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Contains("empty", report.Failed[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".pdf", report.Failed[2].Reason, StringComparison.Ordinal);
        Assert.Equal(3, Store.ListBriefings().Count);
        Assert.Equal(6, report.Total);
    }

    [Fact]
    public async Task IngestAsync_BinaryFileWithNulBytes_RejectedOthersStored()
    {
        WriteGoodFiles();
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        binary[10] = 0;
        binary[200] = 0;
        _folder.WriteBytes("briefings/image.txt", binary);

        var report = await IngestAsync();

        Assert.Equal(3, report.Added);
        Assert.Equal("image.txt", Assert.Single(report.Failed).File);
        Assert.DoesNotContain(Store.ListBriefings(), b => b.File == "image.txt");
    }

    [Fact]
    public async Task IngestAsync_MissingPath_ReportedAsFailure()
    {
        WriteGoodFiles();
        var missing = _folder.Combine("nowhere");

        var report = await Pipeline.IngestAsync([Briefings, missing], new IngestRunOptions());

        Assert.Equal(3, report.Added);
        var failure = Assert.Single(report.Failed);
        Assert.Equal(missing, failure.File);
        Assert.Contains("not found", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_SecondRun_AllUnchanged()
    {
        WriteGoodFiles();
        await IngestAsync();
        var ids = Store.ListBriefings().Select(b => b.Id).ToList();

        var report = await IngestAsync();

        Assert.Equal((0, 0, 3, 0), (report.Added, report.Updated, report.Unchanged, report.Passages));
        Assert.Equal(ids, Store.ListBriefings().Select(b => b.Id));
    }

    [Fact]
    public async Task IngestAsync_ModifiedFile_Updated()
    {
        WriteGoodFiles();
        await IngestAsync();

        _folder.Write("briefings/maritime.txt", Maritime + "The centre opened in Northwood in 2024.\n");
        var report = await IngestAsync();

        Assert.Equal((0, 1, 2), (report.Added, report.Updated, report.Unchanged));
        Assert.Contains("Northwood", Store.GetBriefing("maritime.txt")!.Value.Text, StringComparison.Ordinal);
        Assert.Equal(3, Store.ListBriefings().Count);
    }

    [Fact]
    public async Task IngestAsync_DeletedFileWithPrune_Removed()
    {
        WriteGoodFiles();
        await IngestAsync();
        File.Delete(_folder.Combine("briefings/industry.md"));

        var withoutPrune = await IngestAsync();
        Assert.Equal(0, withoutPrune.Removed);
        Assert.Equal(3, Store.ListBriefings().Count);

        var report = await IngestAsync(new IngestRunOptions(Prune: true));

        Assert.Equal(1, report.Removed);
        Assert.Equal(["2024/summit.txt", "maritime.txt"], Store.ListBriefings().Select(b => b.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IngestAsync_Rebuild_ReaddsEverything()
    {
        WriteGoodFiles();
        await IngestAsync();

        var report = await IngestAsync(new IngestRunOptions(Rebuild: true));

        Assert.Equal((3, 0, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(3, Store.ListBriefings().Count);
        Assert.Equal(report.Passages, Store.PassageCount);
    }

    [Fact]
    public async Task IngestAsync_Seeds_PassagesAreExactSlicesOfStoredText()
    {
        var report = await Pipeline.IngestAsync([TestEngine.SeedsFolder], new IngestRunOptions());

        Assert.Equal(5, report.Added);
        foreach (var briefing in Store.ListBriefings())
        {
            var (_, text, passages) = Store.GetBriefing(briefing.File)!.Value;
            Assert.Equal(briefing.PassageCount, passages.Count);
            Assert.All(passages, p => Assert.Equal(text[p.Start..p.End], p.Text));
            Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Position));
        }
    }

    [Fact]
    public async Task IngestAsync_IndexOfAnotherEmbedder_RefusesUntilRebuild()
    {
        WriteGoodFiles();
        Store.EnsureEmbedder(new EmbedderProfile("onnx:all-MiniLM-L6-v2", 384, 256));
        Store.Upsert(Records.Briefing("old.txt", Summit));

        var ex = await Assert.ThrowsAsync<BriefBotException>(() => IngestAsync());

        Assert.Contains("--rebuild", ex.Message, StringComparison.Ordinal);
        Assert.Equal("old.txt", Assert.Single(Store.ListBriefings()).File);
        var report = await IngestAsync(new IngestRunOptions(Rebuild: true));
        Assert.Equal(3, report.Added);
        Assert.Equal(_services.GetRequiredService<EmbedderProfile>().Name, Store.GetEmbedder()!.Name);
        Assert.DoesNotContain(Store.ListBriefings(), b => b.File == "old.txt");
    }

    [Fact]
    public async Task IngestAsync_IndexBuiltWithHashingThenDefaultArctic_SaysToReindex()
    {
        WriteGoodFiles();
        using (var hashing = TestEngine.Build(_folder.Combine("index.db"), new Dictionary<string, string?> { ["Embedding:Provider"] = "Hashing" }))
        {
            await hashing.GetRequiredService<IngestionPipeline>().IngestAsync([Briefings], new IngestRunOptions());
        }

        var ex = await Assert.ThrowsAsync<BriefBotException>(() => IngestAsync());

        Assert.Contains($"built with the embedder '{HashingEmbedder.ProfileName}' (512 dimensions)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'onnx:snowflake-arctic-embed-xs-int8:cls' (384 dimensions) is configured", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ingest --rebuild", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_ChangedFile_KeepsStoredVectorsOfUnchangedPassagesOnly()
    {
        var text = "Undersea infrastructure\n\n" + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Sentence {i} says the centre protects pipelines and cables number {i}.")) + "\n";
        _folder.Write("briefings/maritime.txt", text);
        await IngestAsync();
        var dimensions = Store.GetEmbedder()!.Dimensions;
        float[] marker = [1f, .. new float[dimensions - 1]];
        MarkStoredVectors(marker);

        _folder.Write("briefings/maritime.txt", text + "\nA new closing paragraph about the seabed was added on Friday.\n");
        var report = await IngestAsync();

        Assert.Equal(1, report.Updated);
        var vectors = Store.GetPassageVectors("maritime.txt");
        Assert.Contains(vectors.Values, v => v.SequenceEqual(marker));
        var changed = Assert.Single(vectors, p => p.Key.Contains("closing paragraph", StringComparison.Ordinal));
        Assert.False(changed.Value.SequenceEqual(marker));
    }

    /// <summary>Overwrites every stored vector with <paramref name="vector"/>, which no embedder would produce for these texts.</summary>
    private void MarkStoredVectors(float[] vector)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store.Path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE passages SET vector = $v";
        cmd.Parameters.AddWithValue("$v", System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray());
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task IngestAsync_NewIndex_RecordsAnalyzerVersion()
    {
        WriteGoodFiles();

        await IngestAsync();

        Assert.Equal(TermAnalyzer.Version, Store.GetAnalyzer());
    }

    [Fact]
    public async Task IngestAsync_IndexFromOlderAnalyzer_UnchangedFilesRewritten()
    {
        WriteGoodFiles();
        await IngestAsync();
        Store.SetAnalyzer("1");

        var report = await IngestAsync();

        Assert.Equal((0, 3, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(0, report.StaleAnalyzer);
        Assert.Equal(TermAnalyzer.Version, Store.GetAnalyzer());
        Assert.Equal((0, 0, 3), await IngestAsync() is var again ? (again.Added, again.Updated, again.Unchanged) : default);
    }

    [Fact]
    public async Task IngestAsync_OlderAnalyzerAndBriefingsOutsideTheRun_FlaggedUntilAllRewritten()
    {
        WriteGoodFiles();
        await IngestAsync();
        Store.SetAnalyzer("1");

        var partial = await Pipeline.IngestAsync([_folder.Combine("briefings/maritime.txt")], new IngestRunOptions());

        Assert.Equal(1, partial.Updated);
        Assert.Equal(2, partial.StaleAnalyzer);
        Assert.Equal("1", Store.GetAnalyzer());
        var full = await IngestAsync();
        Assert.Equal(0, full.StaleAnalyzer);
        Assert.Equal(TermAnalyzer.Version, Store.GetAnalyzer());
    }

    [Fact]
    public void Build_OverlapNotBelowPassageTokens_RefusesNamingBothKeys()
    {
        using var services = TestEngine.Build(_folder.Combine("other.db"), new Dictionary<string, string?> { ["Ingestion:PassageTokens"] = "100", ["Ingestion:OverlapTokens"] = "100" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngestionOptions>>().Value);

        Assert.Contains("Ingestion:OverlapTokens", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:PassageTokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_ReportsProgressForEveryFile()
    {
        WriteGoodFiles();
        var seen = new List<IngestProgress>();

        await Pipeline.IngestAsync([Briefings], new IngestRunOptions(), new SynchronousProgress(seen.Add));

        Assert.Equal(3, seen.Count);
        Assert.Equal(new IngestProgress(3, 3), seen[^1]);
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
