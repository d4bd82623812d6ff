using System.CommandLine;

namespace NatoBriefBot.Cli;

/// <summary><c>teams-package --app-id ID</c>: writes the Teams app package zip.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var command = new Command("teams-package", "Write the Microsoft Teams app package (zip) for a given app id.");
        return command;
    }
}
