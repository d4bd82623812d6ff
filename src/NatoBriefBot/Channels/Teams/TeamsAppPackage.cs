using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using NatoBriefBot.Core;

namespace NatoBriefBot.Channels.Teams;

/// <summary>
/// Builds the Teams app package: the <c>teams/</c> template's manifest.json with the bot's app id and name filled in,
/// plus color.png and outline.png, all at the zip's root.
/// </summary>
public static class TeamsAppPackage
{
    public const string AppIdPlaceholder = "${{APP_ID}}";
    public const string NamePlaceholder = "${{BOT_NAME}}";
    public const int MaxShortName = 30;
    private static readonly string[] Icons = ["color.png", "outline.png"];

    /// <summary>Writes the package for <paramref name="appId"/> to <paramref name="outPath"/> from <paramref name="templateFolder"/>.</summary>
    /// <exception cref="BriefBotException">The app id or name is not valid, the template is incomplete, or the output is a folder.</exception>
    public static void Write(string templateFolder, string appId, string name, string outPath)
    {
        ArgumentNullException.ThrowIfNull(outPath);
        var manifest = Manifest(templateFolder, appId, name);
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (Directory.Exists(outPath))
        {
            throw new BriefBotException($"'{Path.GetFullPath(outPath)}' is a folder; give a file name for --out, e.g. {Path.Combine(outPath, "natobriefbot-teams.zip")}");
        }

        // Written next to the target and moved over it, so an existing package is replaced whole or not at all.
        var partial = outPath + ".partial";
        File.Delete(partial);
        try
        {
            using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
            {
                using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
                {
                    writer.Write(manifest);
                }

                foreach (var icon in Icons)
                {
                    zip.CreateEntryFromFile(Path.Combine(templateFolder, icon), icon);
                }
            }

            File.Move(partial, outPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The manifest text with <paramref name="appId"/> as the app id and every bot id, and <paramref name="name"/> as the short name.</summary>
    public static string Manifest(string templateFolder, string appId, string name)
    {
        ArgumentNullException.ThrowIfNull(templateFolder);
        ArgumentNullException.ThrowIfNull(name);
        if (!Guid.TryParse(appId, out var id))
        {
            throw new BriefBotException(
                $"'{appId}' is not a valid app id. Use the bot's Microsoft App ID, a GUID such as 0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11 (Azure portal: Bot > Configuration).");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxShortName)
        {
            throw new BriefBotException($"The name must be 1 to {MaxShortName} characters (Teams' limit for an app's short name).");
        }

        var manifestPath = Path.Combine(templateFolder, "manifest.json");
        var missing = Icons.Prepend("manifest.json").Where(f => !File.Exists(Path.Combine(templateFolder, f))).ToList();
        if (missing.Count > 0)
        {
            throw new BriefBotException($"The Teams template folder '{templateFolder}' lacks {string.Join(", ", missing)}. Run from the project folder or pass --template.");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var appIdText = id.ToString("D");
        manifest["id"] = appIdText;
        manifest["name"]!["short"] = name;
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = appIdText;
        }

        var text = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (text.Contains("${{", StringComparison.Ordinal))
        {
            throw new BriefBotException($"'{manifestPath}' still has a ${{{{...}}}} placeholder this command does not fill. Remove it or fill it by hand.");
        }

        return text;
    }
}
