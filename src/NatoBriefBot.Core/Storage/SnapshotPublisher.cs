using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// Publishes a finished index into a snapshot folder that serving instances read (<see cref="StorageOptions.SnapshotFolder"/>):
/// a compact copy is written beside the others under a temporary name (<c>VACUUM INTO</c>, rollback journal, so it is one
/// self-contained file), renamed to <c>briefings-{time}.db</c>, then the pointer file <c>current</c> is replaced the same
/// way. Readers see the old snapshot or the new one, never half of one. The newest <see cref="Kept"/> snapshots stay (requests
/// still reading an older one finish on it); older ones are removed.
/// </summary>
public static class SnapshotPublisher
{
    public const int Kept = 3;

    /// <summary>Publishes <paramref name="store"/> into <paramref name="folder"/>; returns the new snapshot's path.</summary>
    public static string Publish(BriefingStore store, string folder)
    {
        ArgumentNullException.ThrowIfNull(store);
        var target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        var name = $"briefings-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture)}.db";
        var temporary = Path.Combine(target, $".{name}.{Environment.ProcessId}.tmp");
        try
        {
            using (var connection = store.Open())
            using (var vacuum = connection.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO $file";
                vacuum.Parameters.AddWithValue("$file", temporary);
                vacuum.ExecuteNonQuery();
            }

            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                copy.Open();
                SqliteSchema.Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            var published = Path.Combine(target, name);
            File.Move(temporary, published);
            ReplacePointer(target, name);
            RemoveOld(target);
            return published;
        }
        catch (SqliteException ex)
        {
            throw new BriefBotException($"Could not publish the index to '{target}': {ex.Message}. Check that the folder is writable and has room.", ex);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void ReplacePointer(string folder, string name)
    {
        var temporary = Path.Combine(folder, $".{SnapshotFolder.PointerName}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(folder, SnapshotFolder.PointerName), overwrite: true);
    }

    private static void RemoveOld(string folder)
    {
        foreach (var old in Directory.GetFiles(folder, "briefings-*.db").OrderDescending(StringComparer.Ordinal).Skip(Kept))
        {
            File.Delete(old);
        }
    }
}
