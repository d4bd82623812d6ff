using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// An in-memory snapshot of the index for queries: all vectors in one contiguous float array plus the briefing list.
/// Loaded once and reloaded only when a write bumped the index generation, so a query scans memory with SIMD
/// dot products instead of reading the table.
/// </summary>
internal sealed class VectorCache(BriefingStore store)
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    public Snapshot Current()
    {
        long generation;
        using (var connection = store.Open())
        {
            generation = store.ReadGeneration(connection);
        }

        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Generation == generation)
        {
            return snapshot;
        }

        lock (_gate)
        {
            if (_snapshot is null || _snapshot.Generation != generation)
            {
                _snapshot = Load(generation);
            }

            return _snapshot;
        }
    }

    private Snapshot Load(long generation)
    {
        using var connection = store.Open();
        var briefings = new List<StoredBriefing>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT b.id, b.file, b.title, b.published, b.publisher, b.url, b.content_hash,
                       (SELECT count(*) FROM passages p WHERE p.briefing_id = b.id)
                FROM briefings b ORDER BY b.published IS NULL, b.published, b.file
                """;
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                briefings.Add(BriefingStore.ReadBriefing(reader));
            }
        }

        var count = briefings.Sum(b => b.PassageCount);
        var ids = new long[count];
        var owners = new long[count];
        float[] matrix = [];
        var dims = 0;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, briefing_id, vector FROM passages ORDER BY id";
            using var reader = cmd.ExecuteReader();
            var row = 0;
            while (reader.Read() && row < count)
            {
                var blob = (byte[])reader.GetValue(2);
                var vector = MemoryMarshal.Cast<byte, float>(blob);
                if (dims == 0)
                {
                    dims = vector.Length;
                    matrix = new float[(long)count * dims];
                }

                if (vector.Length == dims)
                {
                    ids[row] = reader.GetInt64(0);
                    owners[row] = reader.GetInt64(1);
                    for (var d = 0; d < dims; d++)
                    {
                        matrix[(d * (long)count) + row] = vector[d];
                    }

                    row++;
                }
            }

            count = row;
        }

        var embedder = SqliteSchema.ReadMeta(connection, "embedder");
        return new Snapshot(generation, briefings, ids, owners, matrix, dims, count)
        {
            Stride = briefings.Sum(b => b.PassageCount),
            Embedder = embedder is null || count == 0 ? null : new Embeddings.EmbedderProfile(embedder, dims, 0),
        };
    }

    internal sealed record Snapshot(long Generation, IReadOnlyList<StoredBriefing> Briefings, long[] Ids, long[] Owners, float[] Matrix, int Dims, int Count)
    {
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

        /// <summary>Distance between one dimension's column and the next in <see cref="Matrix"/> (column-major: all passages' value
        /// for dimension 0, then for dimension 1, ...).</summary>
        public int Stride { get; init; }

        /// <summary>
        /// Top-k passages by dot product. The matrix is column-major, so a query adds up only the columns of its non-zero
        /// dimensions (SIMD multiply-add over contiguous memory): exact, and for the sparse vectors of the offline embedder
        /// a fraction of a full scan. Large indexes are scored in parallel slices.
        /// </summary>
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

            var scores = System.Buffers.ArrayPool<float>.Shared.Rent(Count);
            try
            {
                var slices = Count < 20_000 ? 1 : Environment.ProcessorCount;
                var partial = new List<(int Index, float Score)>[slices];
                Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, s =>
                {
                    var from = (int)((long)Count * s / slices);
                    var to = (int)((long)Count * (s + 1) / slices);
                    var span = scores.AsSpan(from, to - from);
                    span.Clear();
                    foreach (var (dim, weight) in nonZero)
                    {
                        TensorPrimitives.MultiplyAdd(Matrix.AsSpan((int)((dim * (long)Stride) + from), to - from), weight, span, span);
                    }

                    partial[s] = TopK(scores, from, to, limit, allowBriefing);
                });

                return partial.SelectMany(p => p).OrderByDescending(p => p.Score).Take(limit).Select(p => (Ids[p.Index], p.Score)).ToList();
            }
            finally
            {
                System.Buffers.ArrayPool<float>.Shared.Return(scores);
            }
        }

        private List<(int Index, float Score)> TopK(float[] scores, int from, int to, int limit, Func<long, bool>? allowBriefing)
        {
            var top = new PriorityQueue<int, float>(limit + 1);
            for (var i = from; i < to; i++)
            {
                var score = scores[i];
                if (top.Count == limit && top.TryPeek(out _, out var worst) && score <= worst)
                {
                    continue;
                }

                if (allowBriefing is not null && !allowBriefing(Owners[i]))
                {
                    continue;
                }

                if (top.Count < limit)
                {
                    top.Enqueue(i, score);
                }
                else
                {
                    top.DequeueEnqueue(i, score);
                }
            }

            var result = new List<(int, float)>(top.Count);
            while (top.TryDequeue(out var index, out var score))
            {
                result.Add((index, score));
            }

            return result;
        }
    }
}
