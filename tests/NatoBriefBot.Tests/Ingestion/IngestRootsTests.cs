using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Ingestion;

/// <summary>Briefings are known by their path relative to the folder ingested; two folders holding the same relative
/// name must not silently replace each other.</summary>
public sealed class IngestRootsTests : IDisposable
{
    private const string First = "Maritime centre agreed\n\nMinisters agreed to establish a NATO Maritime Centre within MARCOM.\n";
    private const string Second = "Defence production plan\n\nDefence ministers reviewed the Defence Production Action Plan for ammunition.\n";

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public IngestRootsTests() => _services = TestEngine.Build(_folder.Combine("index.db"), Records.HashingEngine());

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    private Task<IngestReport> IngestAsync(params string[] folders) =>
        _services.GetRequiredService<IngestionPipeline>().IngestAsync([.. folders.Select(_folder.Combine)], new IngestRunOptions());

    private StoredBriefing Stored => Assert.Single(_services.GetRequiredService<BriefingStore>().ListBriefings());

    [Fact]
    public async Task IngestAsync_TwoFoldersSameNameInOneRun_FirstKeptSecondRefusedByNameEveryRun()
    {
        _folder.Write("a/notes/x.txt", First);
        _folder.Write("b/notes/x.txt", Second);

        var first = await IngestAsync("a", "b");
        var again = await IngestAsync("a", "b");

        Assert.Equal((1, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 1), (again.Added, again.Updated, again.Unchanged));
        foreach (var report in new[] { first, again })
        {
            var failure = Assert.Single(report.Failed);
            Assert.Equal(_folder.Combine("b/notes/x.txt"), failure.File);
            Assert.Contains(_folder.Combine("a/notes/x.txt"), failure.Reason, StringComparison.Ordinal);
        }

        Assert.Equal("Maritime centre agreed", Stored.Title);
    }

    [Fact]
    public async Task IngestAsync_SameNameFromAnotherFolderLater_RefusedWhileTheStoredOneStillExists()
    {
        _folder.Write("a/x.txt", First);
        _folder.Write("b/x.txt", Second);
        await IngestAsync("a");

        var second = await IngestAsync("b");
        var firstAgain = await IngestAsync("a");

        Assert.Equal(0, second.Added + second.Updated);
        Assert.Contains(_folder.Combine("a/x.txt"), Assert.Single(second.Failed).Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), (firstAgain.Added, firstAgain.Updated, firstAgain.Unchanged));
        Assert.Empty(firstAgain.Failed);
        Assert.Equal("Maritime centre agreed", Stored.Title);
    }

    [Fact]
    public async Task IngestAsync_PruneWithOnlyRefusedNames_KeepsTheStoredBriefings()
    {
        _folder.Write("a/x.txt", First);
        _folder.Write("b/x.txt", Second);
        await IngestAsync("a");

        var pruned = await _services.GetRequiredService<IngestionPipeline>().IngestAsync([_folder.Combine("b")], new IngestRunOptions(Prune: true));

        Assert.Equal(0, pruned.Removed);
        Assert.Single(pruned.Failed);
        Assert.Equal("Maritime centre agreed", Stored.Title);
    }

    [Fact]
    public async Task IngestAsync_PruneWithAMistypedPath_PrunesNothingAndSaysWhy()
    {
        _folder.Write("a/x.txt", First);
        await IngestAsync("a");

        var pruned = await _services.GetRequiredService<IngestionPipeline>().IngestAsync([_folder.Combine("aa")], new IngestRunOptions(Prune: true));

        Assert.Equal(0, pruned.Removed);
        Assert.Contains("not found", Assert.Single(pruned.Failed).Reason, StringComparison.Ordinal);
        Assert.Contains("nothing was pruned", Assert.Single(pruned.Notes).Note, StringComparison.Ordinal);
        Assert.Equal("Maritime centre agreed", Stored.Title);
    }

    [Fact]
    public async Task IngestAsync_FolderMoved_SameBriefingsKeptNotRefused()
    {
        _folder.Write("a/x.txt", First);
        await IngestAsync("a");
        Directory.Move(_folder.Combine("a"), _folder.Combine("moved"));

        var moved = await IngestAsync("moved");
        _folder.Write("a/x.txt", Second);
        var oldPlaceAgain = await IngestAsync("a");

        Assert.Empty(moved.Failed);
        Assert.Equal(1, moved.Unchanged + moved.Updated);
        Assert.Single(oldPlaceAgain.Failed);
        Assert.Equal("Maritime centre agreed", Stored.Title);
    }
}
