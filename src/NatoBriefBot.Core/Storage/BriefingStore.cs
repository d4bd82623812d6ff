using System.Globalization;
using Microsoft.Data.Sqlite;
using NatoBriefBot.Core.Embeddings;

namespace NatoBriefBot.Core.Storage;

/// <summary>A passage ready to be written: its place in the cleaned text, its index terms, its normalized vector and the
/// normalized vectors of its sentences (in <see cref="Text.SentenceSplitter"/> order, concatenated), for answer selection.</summary>
public sealed record PassageRecord(int Position, int Start, int End, string Text, string Terms, float[] Vector, float[]? SentenceVectors = null, float[]? SecondVectors = null);

/// <summary>A briefing ready to be written, with all its passages.</summary>
public sealed record BriefingRecord(
    string File, string Title, DateOnly? Published, string? Publisher, string? Url, string ContentHash, string Text,
    IReadOnlyList<PassageRecord> Passages)
{
    /// <summary>The absolute path of the folder the briefing was ingested from (<see cref="File"/> is relative to it).</summary>
    public string? Root { get; init; }
}

/// <summary>
/// The index: one SQLite file with briefings, passages, float32 vectors and an FTS5 index over the passages' terms.
/// Every write is one transaction per briefing, so an interrupted ingest never leaves half a briefing behind.
/// Thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed partial class BriefingStore : IBriefingCatalog
{
    private static readonly Lazy<bool> SqliteInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly AsyncLocal<Source?> _pinned = new();
    private readonly SnapshotFolder? _snapshots;
    private volatile Source _source = null!;

    /// <summary>Opens (creating if needed) the index at <paramref name="path"/>.</summary>
    /// <exception cref="BriefBotException">The file belongs to something else or was written by a newer version.</exception>
    /// <exception cref="IndexUnavailableException">The file is not an SQLite database, is damaged (SQLite's quick check), locked or unreadable.</exception>
    public BriefingStore(string path)
    {
        _ = SqliteInit.Value;
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _source = NewSource(fullPath, SqliteOpenMode.ReadWriteCreate);
        try
        {
            using var connection = Open();
            SqliteSchema.Execute(connection, "PRAGMA journal_mode=WAL;");
            SqliteSchema.Ensure(connection, Path);
            if (SqliteSchema.IntegrityProblem(connection) is { } problem)
            {
                throw IndexUnavailableException.Damaged(Path, problem);
            }
        }
        catch (SqliteException ex)
        {
            throw IndexUnavailableException.From(Path, ex);
        }
    }

    /// <summary>The index file read now (in a snapshot folder: the snapshot this request holds, or the newest).</summary>
    public string Path => CurrentSource().Path;

    private VectorCache Vectors => CurrentSource().Vectors;

    /// <summary>Runs SQLite's quick integrity check on the file now.</summary>
    /// <exception cref="IndexUnavailableException">The index is damaged, locked or unreadable.</exception>
    public void Verify()
    {
        try
        {
            using var connection = Open();
            if (SqliteSchema.IntegrityProblem(connection) is { } problem)
            {
                throw IndexUnavailableException.Damaged(Path, problem);
            }
        }
        catch (SqliteException ex)
        {
            throw IndexUnavailableException.From(Path, ex);
        }
    }

    internal SqliteConnection Open() => Open(CurrentSource().ConnectionString);

    internal static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The embedder the index was built with, or null for an empty index that has none yet.</summary>
    public EmbedderProfile? GetEmbedder()
    {
        using var connection = Open();
        var name = SqliteSchema.ReadMeta(connection, "embedder");
        var dims = SqliteSchema.ReadMeta(connection, "dimensions");
        return name is null || dims is null ? null : new EmbedderProfile(name, int.Parse(dims, CultureInfo.InvariantCulture), 0);
    }

    /// <summary>Checks that <paramref name="profile"/> built this index (recording it on an empty index).</summary>
    /// <exception cref="BriefBotException">The index was built by a different embedder: the user must re-index.</exception>
    public void EnsureEmbedder(EmbedderProfile profile)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        var name = SqliteSchema.ReadMeta(connection, "embedder", tx);
        var dims = SqliteSchema.ReadMeta(connection, "dimensions", tx);
        var count = CountPassages(connection, tx);
        if (name is null || count == 0)
        {
            SqliteSchema.WriteMeta(connection, "embedder", profile.Name, tx);
            SqliteSchema.WriteMeta(connection, "dimensions", profile.Dimensions.ToString(CultureInfo.InvariantCulture), tx);
            tx.Commit();
            return;
        }

        if (name != profile.Name || dims != profile.Dimensions.ToString(CultureInfo.InvariantCulture))
        {
            throw Mismatch(name, dims, profile);
        }
    }

    /// <summary>Checks, before a search, that the vectors of <paramref name="snapshot"/> were made by <paramref name="profile"/>
    /// (vectors of another model would be compared with the question's as if they meant the same).</summary>
    /// <exception cref="BriefBotException">The index was built by a different embedder: the user must re-index.</exception>
    internal void EnsureSearchable(VectorCache.Snapshot snapshot, EmbedderProfile profile)
    {
        if (snapshot.Embedder is { } built && (built.Name != profile.Name || built.Dimensions != profile.Dimensions))
        {
            throw Mismatch(built.Name, built.Dimensions.ToString(CultureInfo.InvariantCulture), profile);
        }
    }

    private BriefBotException Mismatch(string builtName, string? builtDimensions, EmbedderProfile profile) => new(
        $"The index '{Path}' was built with the embedder '{builtName}' ({builtDimensions} dimensions), but '{profile.Name}' ({profile.Dimensions} dimensions) is configured. " +
        "Re-index with: dotnet run --project src/NatoBriefBot -- ingest --rebuild");

    /// <summary>
    /// The term analyzer version (<c>TermAnalyzer.Version</c>) every stored passage was analyzed with: "1" for an index
    /// written before versions were recorded, null for an empty index that has none yet.
    /// </summary>
    public string? GetAnalyzer()
    {
        using var connection = Open();
        return SqliteSchema.ReadMeta(connection, "analyzer") ?? (CountPassages(connection, null) > 0 ? "1" : null);
    }

    /// <summary>Records that every stored passage was analyzed with <paramref name="version"/>.</summary>
    public void SetAnalyzer(string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        using var connection = Open();
        SqliteSchema.WriteMeta(connection, "analyzer", version);
    }

    /// <summary>The stored content hash of each briefing, by file.</summary>
    public Dictionary<string, string> GetContentHashes()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file, content_hash FROM briefings";
        using var reader = cmd.ExecuteReader();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            hashes[reader.GetString(0)] = reader.GetString(1);
        }

        return hashes;
    }

    /// <summary>The folder each briefing was ingested from, by file (null for briefings stored before folders were recorded).</summary>
    public Dictionary<string, string?> GetRoots()
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file, root FROM briefings";
        using var reader = cmd.ExecuteReader();
        var roots = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            roots[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return roots;
    }

    /// <summary>Records that the unchanged briefings stored under these files now come from these folders (a moved folder).</summary>
    public void SetRoots(IReadOnlyCollection<(string File, string Root)> moved)
    {
        ArgumentNullException.ThrowIfNull(moved);
        if (moved.Count == 0)
        {
            return;
        }

        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE briefings SET root = $root WHERE file = $file";
        var (root, file) = (cmd.Parameters.Add("$root", SqliteType.Text), cmd.Parameters.Add("$file", SqliteType.Text));
        foreach (var m in moved)
        {
            (root.Value, file.Value) = (m.Root, m.File);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>True when <see cref="DateUndated"/> has run on this index with the current <see cref="Ingestion.EventDating"/>.</summary>
    public bool UndatedPlaced()
    {
        using var connection = Open();
        return SqliteSchema.ReadMeta(connection, EventsDatedKey) == Ingestion.EventDating.Version.ToString(CultureInfo.InvariantCulture);
    }

    private const string EventsDatedKey = "events_dated";

    /// <summary>
    /// Places each undated briefing in time by the dated ones that report the same event (<see cref="Ingestion.EventDating"/>),
    /// in one transaction; a briefing whose event date changes is marked as rewritten, so readers reload it. Returns how
    /// many changed.
    /// </summary>
    public int DateUndated()
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        var version = Ingestion.EventDating.Version.ToString(CultureInfo.InvariantCulture);
        using (var undated = connection.CreateCommand())
        {
            // With no undated briefing (and no event date left to clear) there is nothing to place: the texts stay unread.
            undated.Transaction = tx;
            undated.CommandText = "SELECT count(*) FROM briefings WHERE published IS NULL OR event_date IS NOT NULL";
            if ((long)undated.ExecuteScalar()! == 0)
            {
                SqliteSchema.WriteMeta(connection, EventsDatedKey, version, tx);
                tx.Commit();
                return 0;
            }
        }

        var briefings = new List<Ingestion.DatableBriefing>();
        var stored = new Dictionary<long, string?>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT id, published, text, event_date FROM briefings";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var published = reader.IsDBNull(1) ? (DateOnly?)null : DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                briefings.Add(new Ingestion.DatableBriefing(id, published, reader.GetString(2)));
                stored[id] = reader.IsDBNull(3) ? null : reader.GetString(3);
            }
        }

        var inferred = Ingestion.EventDating.Infer(briefings);
        var changed = briefings.Select(b => (b.Id, Date: inferred.TryGetValue(b.Id, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null))
            .Where(b => b.Date != stored[b.Id]).ToList();
        SqliteSchema.WriteMeta(connection, EventsDatedKey, version, tx);
        if (changed.Count == 0)
        {
            tx.Commit();
            return 0;
        }

        SqliteSchema.BumpGeneration(connection, tx);
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = $"UPDATE briefings SET event_date = $date, gen = {SqliteSchema.CurrentGenerationSql} WHERE id = $id";
        var (date, key) = (update.Parameters.Add("$date", SqliteType.Text), update.Parameters.Add("$id", SqliteType.Integer));
        foreach (var c in changed)
        {
            (date.Value, key.Value) = ((object?)c.Date ?? DBNull.Value, c.Id);
            update.ExecuteNonQuery();
        }

        tx.Commit();
        return changed.Count;
    }

    /// <summary>Writes (or replaces) one briefing and its passages in a single transaction.</summary>
    public void Upsert(BriefingRecord briefing)
    {
        using var writer = new BriefingWriter(Open(), session: false);
        writer.Upsert(briefing);
    }

    /// <summary>A write session for many upserts (an ingest run): one connection and prepared statements, one transaction per briefing.</summary>
    public BriefingWriter OpenWriter() => new(Open(), session: true);

    /// <summary>Removes the briefings stored under <paramref name="files"/>; returns how many were removed.</summary>
    public int Delete(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        var removed = files.Sum(file => DeleteFile(connection, tx, file));
        SqliteSchema.BumpGeneration(connection, tx);
        tx.Commit();
        return removed;
    }

    /// <summary>Empties the index (briefings, passages, embedder and analyzer records) for a rebuild.</summary>
    public void Clear()
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        SqliteSchema.Execute(connection, "DELETE FROM passages; DELETE FROM briefings; DELETE FROM meta WHERE key IN ('embedder','dimensions','analyzer');", tx);
        SqliteSchema.BumpGeneration(connection, tx);
        tx.Commit();
    }

    private static int DeleteFile(SqliteConnection connection, SqliteTransaction tx, string file)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM briefings WHERE file = $file";
        cmd.Parameters.AddWithValue("$file", file);
        return cmd.ExecuteNonQuery();
    }

    private static long CountPassages(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM passages";
        return (long)cmd.ExecuteScalar()!;
    }

    internal long ReadGeneration(SqliteConnection connection, SqliteTransaction? tx = null) =>
        long.TryParse(SqliteSchema.ReadMeta(connection, "generation", tx), out var g) ? g : 0;
}
