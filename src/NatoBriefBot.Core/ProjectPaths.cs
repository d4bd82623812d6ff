namespace NatoBriefBot.Core;

/// <summary>
/// Resolves the project root (the folder holding <c>appsettings.json</c>) so that relative paths in
/// configuration (<c>seeds/</c>, <c>data/briefings.db</c>, <c>prompts/</c>) mean the same thing
/// whether the bot is started with <c>dotnet run</c>, from tests, or from a published folder.
/// </summary>
public static class ProjectPaths
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>The nearest folder, from the working directory up and then from the binaries up, with appsettings.json and a seeds/ or prompts/ folder.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SettingsFile)) &&
                    (Directory.Exists(Path.Combine(dir.FullName, "prompts")) || Directory.Exists(Path.Combine(dir.FullName, "seeds"))))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>Makes <paramref name="path"/> absolute against <paramref name="root"/> unless it already is.</summary>
    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));
}
