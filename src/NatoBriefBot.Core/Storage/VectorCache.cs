using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// The in-memory view of the index that queries read: the briefing list and every passage vector, as immutable
/// snapshots. When a write has bumped the index generation, the next reader loads only what changed since its
/// snapshot (briefings whose write generation is newer, and which ids are gone) in one read transaction, adds the new
/// vectors as a segment and masks the removed ones. Readers never wait for each other: while one brings the view up to
/// date, the others answer from the previous snapshot, which stays whole and consistent.
/// </summary>
internal sealed class VectorCache(BriefingStore store, string path, string connectionString)
{
    /// <summary>Briefings per <c>IN (...)</c> list when loading changed rows.</summary>
    private const int Batch = 500;

    private readonly Lock _refresh = new();
    private volatile Snapshot? _snapshot;
    private long _rowsLoaded;

    /// <summary>Passage vectors read from the file so far.</summary>
    public long RowsLoaded => Interlocked.Read(ref _rowsLoaded);

    public Snapshot Current()
    {
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Generation == Guard(ReadGeneration))
        {
            return snapshot;
        }

        if (snapshot is null)
        {
            _refresh.Enter();
        }
        else if (!_refresh.TryEnter())
        {
            return snapshot;
        }

        try
        {
            var latest = Guard(() => Refresh(_snapshot));
            _snapshot = latest;
            return latest;
        }
        finally
        {
            _refresh.Exit();
        }
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (SqliteException ex)
        {
            throw IndexUnavailableException.From(path, ex);
        }
    }

    private long ReadGeneration()
    {
        using var connection = BriefingStore.Open(connectionString);
        return store.ReadGeneration(connection);
    }

    private Snapshot Refresh(Snapshot? previous)
    {
        using var connection = BriefingStore.Open(connectionString);
        using var tx = connection.BeginTransaction(deferred: true);
        var generation = store.ReadGeneration(connection, tx);
        if (previous is not null && previous.Generation == generation)
        {
            return previous;
        }

        var written = ReadWriteGenerations(connection, tx);
        var changed = written.Where(w => previous is null || w.Value > previous.Generation || !previous.ById.ContainsKey(w.Key)).Select(w => w.Key).ToList();
        var gone = previous is null ? [] : previous.ById.Keys.Where(id => !written.ContainsKey(id) || written[id] > previous.Generation).ToHashSet();
        var fresh = ReadBriefings(connection, tx, previous is null ? null : changed);
        var (ids, owners, vectors) = ReadVectors(connection, tx, previous is null ? null : changed);
        var embedder = SqliteSchema.ReadMeta(connection, "embedder", tx);
        tx.Commit();
        Interlocked.Add(ref _rowsLoaded, ids.Count);

        var dims = vectors.Count > 0 ? vectors[0].Length : previous?.Dims ?? 0;
        var segments = previous is null || previous.Dims != dims
            ? []
            : previous.Segments.Select(s => (s.Segment, Dead: Mask(s.Segment, s.Dead, gone))).Where(s => s.Dead?.All(d => d) != true).ToList();
        if (ids.Count > 0)
        {
            segments.Add((Column(ids, owners, vectors, dims), null));
        }

        var briefings = (previous?.Briefings.Where(b => !gone.Contains(b.Id)) ?? []).Concat(fresh)
            .OrderBy(b => b.Published is null).ThenBy(b => b.Published).ThenBy(b => b.File, StringComparer.Ordinal).ToList();
        var snapshot = new Snapshot(generation, briefings, Compact(segments, dims), dims);
        return snapshot with { Embedder = embedder is null || snapshot.Count == 0 ? null : new Embeddings.EmbedderProfile(embedder, dims, 0) };
    }

    /// <summary>Each stored briefing id with the generation that wrote it (read from an index, not the table).</summary>
    private static Dictionary<long, long> ReadWriteGenerations(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, gen FROM briefings INDEXED BY ix_briefings_gen";
        using var reader = cmd.ExecuteReader();
        var written = new Dictionary<long, long>();
        while (reader.Read())
        {
            written[reader.GetInt64(0)] = reader.GetInt64(1);
        }

        return written;
    }

    /// <summary>The briefings with the given ids (all when <paramref name="ids"/> is null).</summary>
    private static List<StoredBriefing> ReadBriefings(SqliteConnection connection, SqliteTransaction tx, List<long>? ids)
    {
        const string Select = """
            SELECT b.id, b.file, b.title, b.published, b.publisher, b.url, b.content_hash,
                   (SELECT count(*) FROM passages p WHERE p.briefing_id = b.id), b.event_date
            FROM briefings b
            """;
        var briefings = new List<StoredBriefing>();
        foreach (var cmd in Batches(connection, tx, Select, "b.id", ids))
        {
            using (cmd)
            {
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    briefings.Add(BriefingStore.ReadBriefing(reader));
                }
            }
        }

        return briefings;
    }

    /// <summary>The passage vectors of the given briefings (all when <paramref name="ids"/> is null); vectors whose length
    /// differs from the first one's are skipped.</summary>
    private static (List<long> Ids, List<long> Owners, List<float[]> Vectors) ReadVectors(SqliteConnection connection, SqliteTransaction tx, List<long>? ids)
    {
        var (passages, owners, vectors) = (new List<long>(), new List<long>(), new List<float[]>());
        foreach (var cmd in Batches(connection, tx, "SELECT id, briefing_id, vector FROM passages", "briefing_id", ids))
        {
            using (cmd)
            {
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    var vector = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(2)).ToArray();
                    if (vectors.Count == 0 || vector.Length == vectors[0].Length)
                    {
                        passages.Add(reader.GetInt64(0));
                        owners.Add(reader.GetInt64(1));
                        vectors.Add(vector);
                    }
                }
            }
        }

        return (passages, owners, vectors);
    }

    /// <summary>One command for everything (<paramref name="ids"/> null), or one per batch of ids.</summary>
    private static IEnumerable<SqliteCommand> Batches(SqliteConnection connection, SqliteTransaction tx, string select, string column, List<long>? ids)
    {
        if (ids is null)
        {
            var all = connection.CreateCommand();
            all.Transaction = tx;
            all.CommandText = select;
            yield return all;
            yield break;
        }

        foreach (var chunk in ids.Chunk(Batch))
        {
            var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"{select} WHERE {column} IN ({string.Join(',', chunk.Select((_, i) => "$i" + i))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                cmd.Parameters.AddWithValue("$i" + i, chunk[i]);
            }

            yield return cmd;
        }
    }

    private static VectorSegment Column(List<long> ids, List<long> owners, List<float[]> vectors, int dims)
    {
        var count = ids.Count;
        var matrix = new float[(long)count * dims];
        for (var row = 0; row < count; row++)
        {
            for (var d = 0; d < dims; d++)
            {
                matrix[(d * (long)count) + row] = vectors[row][d];
            }
        }

        return new VectorSegment([.. ids], [.. owners], matrix, dims);
    }

    /// <summary>The segment's mask with the rows of <paramref name="gone"/> briefings added (the same mask when none are in it).</summary>
    private static bool[]? Mask(VectorSegment segment, bool[]? dead, HashSet<long> gone)
    {
        if (gone.Count == 0 || !segment.Owners.Any(gone.Contains))
        {
            return dead;
        }

        var mask = dead is null ? new bool[segment.Count] : (bool[])dead.Clone();
        for (var i = 0; i < segment.Count; i++)
        {
            mask[i] |= gone.Contains(segment.Owners[i]);
        }

        return mask;
    }

    /// <summary>Keeps the segment count logarithmic: the newest segments are merged while the one before them is no more than
    /// twice their size, and a segment that is mostly masked is rewritten. Each row is copied O(log n) times over many refreshes.</summary>
    private static List<(VectorSegment Segment, bool[]? Dead)> Compact(List<(VectorSegment Segment, bool[]? Dead)> segments, int dims)
    {
        static int Alive((VectorSegment Segment, bool[]? Dead) s) => s.Segment.Count - (s.Dead?.Count(d => d) ?? 0);

        var result = segments.Select(s => Alive(s) * 2 < s.Segment.Count ? (VectorSegment.Merge([s], dims), null) : s).ToList();
        while (result.Count >= 2 && Alive(result[^2]) <= 2 * Alive(result[^1]))
        {
            var merged = VectorSegment.Merge([result[^2], result[^1]], dims);
            result.RemoveRange(result.Count - 2, 2);
            result.Add((merged, null));
        }

        return result;
    }

    internal sealed record Snapshot(long Generation, IReadOnlyList<StoredBriefing> Briefings, IReadOnlyList<(VectorSegment Segment, bool[]? Dead)> Segments, int Dims)
    {
        /// <summary>Passages in the snapshot.</summary>
        public int Count { get; } = Segments.Sum(s => s.Segment.Count - (s.Dead?.Count(d => d) ?? 0));

        /// <summary>Passages containing each term, filled on demand by <see cref="BriefingStore.DocumentFrequencies"/>.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, long> DocumentFrequency { get; } = new(StringComparer.Ordinal);

        /// <summary>Briefings by id.</summary>
        public Dictionary<long, StoredBriefing> ById { get; } = Briefings.ToDictionary(b => b.Id);

        /// <summary>Each dated briefing's place on the timeline, 0 (oldest) to 1 (newest).</summary>
        public Dictionary<long, double> Timeline { get; } = BuildTimeline(Briefings);

        private static Dictionary<long, double> BuildTimeline(IReadOnlyList<StoredBriefing> briefings)
        {
            var dated = briefings.Where(b => b.Published is not null).OrderBy(b => b.Published).ToList();
            return dated.Select((b, i) => (b.Id, Position: dated.Count > 1 ? i / (double)(dated.Count - 1) : 1.0)).ToDictionary(x => x.Id, x => x.Position);
        }

        /// <summary>The embedder that made the stored vectors; null while the index has none.</summary>
        public Embeddings.EmbedderProfile? Embedder { get; init; }

        /// <summary>Top-k passages by dot product over every segment (ties by passage id): exact, and for the sparse vectors of
        /// the offline embedder a fraction of a full scan.</summary>
        public List<(long Id, float Score)> Search(ReadOnlySpan<float> query, int limit, Func<long, bool>? allowBriefing)
        {
            if (Dims == 0 || query.Length != Dims || limit <= 0 || Count == 0)
            {
                return [];
            }

            var nonZero = new List<(int Dim, float Weight)>();
            for (var d = 0; d < query.Length; d++)
            {
                if (query[d] != 0)
                {
                    nonZero.Add((d, query[d]));
                }
            }

            return Segments.SelectMany(s => s.Segment.Search(nonZero, limit, s.Dead, allowBriefing)).OrderByDescending(p => p.Score).ThenBy(p => p.Id).Take(limit).ToList();
        }
    }
}
