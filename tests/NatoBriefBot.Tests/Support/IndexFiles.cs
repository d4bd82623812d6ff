using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Tests.Support;

/// <summary>Damages and locks real index files, the way a bad disk or another program would.</summary>
public static class IndexFiles
{
    /// <summary>Keeps the header page and the first table's page (the index's meta table) and overwrites every page after
    /// them with garbage: the file still opens as SQLite, but its briefings and passages cannot be read.</summary>
    public static void CorruptPages(string path)
    {
        Checkpoint(path);
        var bytes = File.ReadAllBytes(path);
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(16, 2)) is var size and not 1 ? size : 65536;
        Assert.True(bytes.Length > 4 * pageSize, "the index is too small to damage realistically");
        for (var i = 2 * pageSize; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(0xA5 ^ (i * 31));
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Moves everything in the write-ahead log into the main file, so the file alone holds the index.</summary>
    public static void Checkpoint(string path)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>Holds an exclusive lock on the index (as another program in a long write would) until disposed.</summary>
    public static SqliteConnection LockExclusively(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO meta(key, value) VALUES ('lock-test', '1') ON CONFLICT(key) DO UPDATE SET value = '2';";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
