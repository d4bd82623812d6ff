using System.CommandLine;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Cli;

/// <summary><c>ingest [PATH...] [--db FILE] [--rebuild] [--prune]</c>: briefings into the index.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = CliServices.RefuseOptionLike(new Argument<string[]>("PATH") { Description = "Briefing files or folders (default: the seeds folder, Ingestion:SeedsPath).", Arity = ArgumentArity.ZeroOrMore });
        var db = CliServices.DbOption();
        var rebuild = new Option<bool>("--rebuild") { Description = "Empty the index first and ingest everything again." };
        var prune = new Option<bool>("--prune") { Description = "Remove stored briefings whose files were not found in this run." };
        var publish = new Option<string?>("--publish") { Description = "Then publish the finished index as a read-only snapshot into this folder (what instances with Storage:SnapshotFolder serve)." };
        var command = new Command("ingest", "Read, clean, cut and embed briefings into the index. Unchanged files are skipped.") { paths, db, rebuild, prune, publish };
        command.SetAction((parse, ct) => CliServices.RunAsync(async () =>
        {
            // Ingest always writes a working index; serving instances read what --publish copies out of it.
            using var services = CliServices.Build(parse.GetValue(db), new Dictionary<string, string?> { ["Storage:SnapshotFolder"] = "" });
            var inputs = parse.GetValue(paths) ?? [];
            if (inputs.Length == 0)
            {
                inputs = [services.GetRequiredService<EngineRoot>().Resolve(services.GetRequiredService<IOptions<IngestionOptions>>().Value.SeedsPath)];
            }

            var report = await RunAsync(services, inputs, new IngestRunOptions(parse.GetValue(rebuild), parse.GetValue(prune)), Console.Error, ct).ConfigureAwait(false);
            Print(report, Console.Out);
            if (parse.GetValue(publish) is { Length: > 0 } folder)
            {
                var published = Core.Storage.SnapshotPublisher.Publish(services.GetRequiredService<Core.Storage.BriefingStore>(), folder);
                Console.Out.WriteLine($"Published the index as {published} (instances reading {Path.GetFullPath(folder)} switch to it within a second).");
            }

            return report.Failed.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    public static async Task<IngestReport> RunAsync(IServiceProvider services, IReadOnlyList<string> inputs, IngestRunOptions options, TextWriter progressOut, CancellationToken ct)
    {
        var pipeline = services.GetRequiredService<IngestionPipeline>();
        var lastShown = DateTime.UtcNow;
        var progress = new Progress<IngestProgress>(p =>
        {
            if (p.Total >= 50 && (DateTime.UtcNow - lastShown).TotalSeconds >= 1)
            {
                lastShown = DateTime.UtcNow;
                progressOut.WriteLine($"  {p.Done}/{p.Total} files ({100 * p.Done / p.Total}%)");
            }
        });
        return await pipeline.IngestAsync(inputs, options, progress, ct).ConfigureAwait(false);
    }

    public static void Print(IngestReport r, TextWriter output)
    {
        output.WriteLine($"Ingested in {r.Elapsed.TotalSeconds:0.0}s: {r.Added} added, {r.Updated} updated, {r.Unchanged} unchanged, {r.Removed} removed, {r.Failed.Count} failed ({r.Passages} passages written).");
        foreach (var failure in r.Failed)
        {
            output.WriteLine($"  failed: {failure.File}: {failure.Reason}");
        }

        foreach (var note in r.Notes)
        {
            output.WriteLine($"  note: {note.File}: {note.Note}");
        }

        if (r.Failed.Count > 0)
        {
            output.WriteLine("The other files were stored. Fix or remove the failed files and run ingest again.");
        }

        if (r.StaleAnalyzer > 0)
        {
            output.WriteLine($"{r.StaleAnalyzer} stored briefings were analyzed by an older version of the bot and were not part of this run; " +
                "ingest their folders again (or run ingest --rebuild with all folders) so their search terms are current.");
        }
    }
}
