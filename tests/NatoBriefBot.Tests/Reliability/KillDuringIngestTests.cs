using Microsoft.Data.Sqlite;
using NatoBriefBot.Benchmarks;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary><c>kill -9</c> in the middle of an ingest: everything stored before stays, whole, and a re-run completes it.</summary>
public sealed class KillDuringIngestTests : IDisposable
{
    private static readonly Dictionary<string, string> Hashing = new() { ["Embedding__Provider"] = "Hashing", ["Embedding__SecondOpinion"] = "" };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_KilledMidway_StoredBriefingsKeptWholeAndReRunCompletes()
    {
        var db = _folder.Combine("index.db");
        foreach (var i in Enumerable.Range(0, 5))
        {
            _folder.Write($"first/f{i}.txt", $"Briefing {i}\n\nMinisters agreed on plan {i} for the maritime centre within MARCOM.\n");
        }

        SyntheticCorpus.Write(_folder.Combine("big"), 3000, sentences: 24);
        Assert.Equal(0, (await BotProcess.RunAsync(["ingest", _folder.Combine("first"), "--db", db], environment: Hashing)).ExitCode);

        using (var ingest = BotProcess.Start(["ingest", _folder.Combine("first"), _folder.Combine("big"), "--db", db], Hashing))
        {
            while (StoredCount(db) < 105 && !ingest.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.False(ingest.HasExited, "the ingest finished before it could be killed");
            ingest.Kill();
            await ingest.WaitForExitAsync();
        }

        SqliteConnection.ClearAllPools();
        var afterKill = new BriefingStore(db).ListBriefings();
        Assert.True(afterKill.Count >= 105);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains(afterKill, b => b.File == $"f{i}.txt"));
        Assert.All(afterKill, b => Assert.True(b.PassageCount > 0, $"{b.File} was stored without passages"));
        SqliteConnection.ClearAllPools();

        var rerun = await BotProcess.RunAsync(["ingest", _folder.Combine("first"), _folder.Combine("big"), "--db", db], environment: Hashing);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{3005 - afterKill.Count} added, 0 updated, {afterKill.Count} unchanged, 0 removed, 0 failed", rerun.StdOut, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(3005, new BriefingStore(db).ListBriefings().Count);
    }

    private static long StoredCount(string db)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM briefings";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }
}
