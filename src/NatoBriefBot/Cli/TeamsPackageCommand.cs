using System.CommandLine;
using NatoBriefBot.Channels.Teams;
using NatoBriefBot.Core;

namespace NatoBriefBot.Cli;

/// <summary><c>teams-package --app-id ID [--out FILE] [--name NAME] [--template DIR]</c>: writes the Teams app package zip.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (a GUID).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the zip.", DefaultValueFactory = _ => "natobriefbot-teams.zip" };
        var name = new Option<string>("--name") { Description = $"The app's short name in Teams (at most {TeamsAppPackage.MaxShortName} characters).", DefaultValueFactory = _ => "NatoBriefBot" };
        var template = new Option<string?>("--template") { Description = "The template folder with manifest.json, color.png and outline.png (default: teams/)." };
        var command = new Command("teams-package", "Write the Microsoft Teams app package (zip) for a given app id.") { appId, output, name, template };
        command.SetAction((parse, ct) =>
        {
            var folder = parse.GetValue(template) ?? Path.Combine(ProjectPaths.FindRoot(), "teams");
            var outPath = Path.GetFullPath(parse.GetValue(output)!);
            try
            {
                TeamsAppPackage.Write(folder, parse.GetValue(appId)!, parse.GetValue(name)!, outPath);
            }
            catch (BriefBotException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return Task.FromResult(2);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Could not write '{outPath}': {ex.Message} Choose another --out file.");
                return Task.FromResult(1);
            }

            Console.Out.WriteLine($"Wrote {outPath}. Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return Task.FromResult(0);
        });
        return command;
    }
}
