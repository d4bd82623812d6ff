using System.CommandLine;
using System.Text.Json;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Cli;

/// <summary><c>show ID-or-FILE [--db FILE] [--json]</c>: a briefing's cleaned text and its passages with offsets.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = CliServices.RefuseOptionLike(new Argument<string>("ID-or-FILE") { Description = "The briefing's id or file (as listed by 'sources')." });
        var db = CliServices.ExistingDbOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("show", "Show a briefing's cleaned text and passages.") { id, db, json };
        command.SetAction((parse, ct) => CliServices.RunAsync(() =>
        {
            using var services = CliServices.Build(parse.GetValue(db));
            var key = parse.GetValue(id)!;
            var found = services.GetRequiredService<BriefingStore>().GetBriefing(key);
            if (found is null)
            {
                Console.Error.WriteLine($"No briefing '{key}' in the index. List them with: dotnet run --project src/NatoBriefBot -- sources");
                return Task.FromResult(1);
            }

            var (briefing, text, passages) = found.Value;
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    briefing = SourcesCommand.ToJson(briefing),
                    text,
                    passages = passages.Select(p => new { position = p.Position, start = p.Start, end = p.End, text = p.Text }),
                }, CliServices.Json));
            }
            else
            {
                Console.Out.WriteLine($"{briefing.Title}\n{briefing.File} | {briefing.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated"} | {briefing.Publisher ?? "publisher unknown"}\n");
                Console.Out.WriteLine(text);
                Console.Out.WriteLine();
                foreach (var p in passages)
                {
                    Console.Out.WriteLine($"--- passage {p.Position} [{p.Start}..{p.End})");
                    Console.Out.WriteLine(p.Text);
                }
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
