using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Cli;

/// <summary><c>sources [--db FILE] [--json]</c>: one entry per stored briefing.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var db = CliServices.ExistingDbOption();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("sources", "List the briefings in the index.") { db, json };
        command.SetAction((parse, ct) => CliServices.RunAsync(() =>
        {
            using var services = CliServices.Build(parse.GetValue(db));
            var briefings = services.GetRequiredService<BriefingStore>().ListBriefings();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(briefings.Select(ToJson), CliServices.Json));
            }
            else if (briefings.Count == 0)
            {
                Console.Out.WriteLine("The index is empty. Run: dotnet run --project src/NatoBriefBot -- ingest");
            }
            else
            {
                foreach (var b in briefings)
                {
                    var date = b.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated   ";
                    Console.Out.WriteLine($"{b.Id,4}  {date}  {b.File}  {b.Title}  ({b.Publisher ?? "publisher unknown"}, {b.PassageCount} passages)");
                }
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    public static object ToJson(StoredBriefing b) => new
    {
        id = b.Id,
        file = b.File,
        title = b.Title,
        published = b.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        publisher = b.Publisher,
        url = b.Url,
        passages = b.PassageCount,
    };
}
