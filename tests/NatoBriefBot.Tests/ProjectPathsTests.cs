using NatoBriefBot.Core;

namespace NatoBriefBot.Tests;

public class ProjectPathsTests
{
    [Fact]
    public void FindRoot_FromTestBinaries_FindsFolderWithSettingsAndSeeds()
    {
        var root = ProjectPaths.FindRoot();

        Assert.True(File.Exists(Path.Combine(root, "appsettings.json")));
        Assert.True(Directory.Exists(Path.Combine(root, "seeds")));
    }

    [Fact]
    public void Resolve_RelativePath_IsUnderRoot()
    {
        var resolved = ProjectPaths.Resolve("/srv/bot", "data/briefings.db");

        Assert.Equal("/srv/bot/data/briefings.db", resolved);
    }
}
