using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Ingestion;

public sealed class BriefingFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Find_Folder_RecursiveSortedSkipsHiddenAndSidecars()
    {
        _folder.Write("in/b.txt", "b");
        _folder.Write("in/a/c.md", "c");
        _folder.Write("in/.hidden.txt", "h");
        _folder.Write("in/b.txt.meta.json", "{}");
        _folder.Write("in/notes.pdf", "p");

        var files = BriefingFiles.Find([_folder.Combine("in")], out var missing);

        Assert.Empty(missing);
        Assert.Equal(["a/c.md", "b.txt", "notes.pdf"], files.Select(f => f.Relative));
        Assert.All(files, f => Assert.Equal(Path.GetFullPath(_folder.Combine("in")), f.Root));
    }

    [Fact]
    public void Find_FileNamedDirectly_RelativeIsFileName()
    {
        var path = _folder.Write("x/one.txt", "1");

        var file = Assert.Single(BriefingFiles.Find([path], out _));

        Assert.Equal("one.txt", file.Relative);
        Assert.Equal(path, file.FullPath);
    }

    [Fact]
    public void Find_SameFileTwice_ListedOnce()
    {
        var path = _folder.Write("in/one.txt", "1");

        var files = BriefingFiles.Find([_folder.Combine("in"), path], out _);

        Assert.Single(files);
    }

    [Fact]
    public void Find_MissingPath_Reported()
    {
        var files = BriefingFiles.Find([_folder.Combine("nope")], out var missing);

        Assert.Empty(files);
        Assert.Equal([_folder.Combine("nope")], missing);
    }

    [Fact]
    public void SidecarsOf_BothNamingForms_Found()
    {
        var briefing = _folder.Write("a.txt", "text");
        _folder.Write("a.txt.meta.json", "{}");
        _folder.Write("a.meta.json", "{}");

        var sidecars = BriefingFiles.SidecarsOf(briefing).ToList();

        Assert.Equal(2, sidecars.Count);
        Assert.True(BriefingFiles.IsSidecar(sidecars[0]));
        Assert.False(BriefingFiles.IsSidecar(briefing));
    }
}
