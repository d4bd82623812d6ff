using System.Numerics.Tensors;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// An immutable block of passage vectors, column-major (all rows' value for dimension 0, then dimension 1, ...), so a
/// query adds up only the columns of its non-zero dimensions with SIMD multiply-add over contiguous memory. A snapshot
/// is a few segments: what changed since the last one is loaded as a new segment, and rows of removed or replaced
/// briefings are masked out rather than copied away.
/// </summary>
internal sealed class VectorSegment
{
    /// <summary>Rows from which a segment is scored in parallel slices.</summary>
    private const int ParallelRows = 20_000;

    public VectorSegment(long[] ids, long[] owners, float[] matrix, int dims)
    {
        Ids = ids;
        Owners = owners;
        Matrix = matrix;
        Dims = dims;
    }

    public long[] Ids { get; }

    /// <summary>The briefing id of each row.</summary>
    public long[] Owners { get; }

    public float[] Matrix { get; }

    public int Dims { get; }

    public int Count => Ids.Length;

    /// <summary>One segment holding the rows of <paramref name="parts"/> that their masks keep alive.</summary>
    public static VectorSegment Merge(IReadOnlyList<(VectorSegment Segment, bool[]? Dead)> parts, int dims)
    {
        var count = parts.Sum(p => p.Segment.Count - (p.Dead?.Count(d => d) ?? 0));
        var ids = new long[count];
        var owners = new long[count];
        var matrix = new float[(long)count * dims];
        var row = 0;
        foreach (var (segment, dead) in parts)
        {
            var alive = Enumerable.Range(0, segment.Count).Where(i => dead?[i] != true).ToArray();
            for (var d = 0; d < dims; d++)
            {
                var from = segment.Matrix.AsSpan((int)(d * (long)segment.Count), segment.Count);
                var to = matrix.AsSpan((int)((d * (long)count) + row), alive.Length);
                if (alive.Length == segment.Count)
                {
                    from.CopyTo(to);
                }
                else
                {
                    for (var k = 0; k < alive.Length; k++)
                    {
                        to[k] = from[alive[k]];
                    }
                }
            }

            foreach (var i in alive)
            {
                ids[row] = segment.Ids[i];
                owners[row++] = segment.Owners[i];
            }
        }

        return new VectorSegment(ids, owners, matrix, dims);
    }

    /// <summary>The best <paramref name="limit"/> live rows by dot product with the query's non-zero dimensions.</summary>
    public List<(long Id, float Score)> Search(IReadOnlyList<(int Dim, float Weight)> nonZero, int limit, bool[]? dead, Func<long, bool>? allowBriefing)
    {
        if (Count == 0)
        {
            return [];
        }

        var scores = System.Buffers.ArrayPool<float>.Shared.Rent(Count);
        try
        {
            var slices = Count < ParallelRows ? 1 : Environment.ProcessorCount;
            var partial = new List<(long Id, float Score)>[slices];
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, s =>
            {
                var from = (int)((long)Count * s / slices);
                var to = (int)((long)Count * (s + 1) / slices);
                var span = scores.AsSpan(from, to - from);
                span.Clear();
                foreach (var (dim, weight) in nonZero)
                {
                    TensorPrimitives.MultiplyAdd(Matrix.AsSpan((int)((dim * (long)Count) + from), to - from), weight, span, span);
                }

                partial[s] = TopK(scores, from, to, limit, dead, allowBriefing);
            });

            return partial.Length == 1 ? partial[0] : [.. partial.SelectMany(p => p)];
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(scores);
        }
    }

    private List<(long Id, float Score)> TopK(float[] scores, int from, int to, int limit, bool[]? dead, Func<long, bool>? allowBriefing)
    {
        var top = new PriorityQueue<int, float>(limit + 1);
        for (var i = from; i < to; i++)
        {
            var score = scores[i];
            if (top.Count == limit && top.TryPeek(out _, out var worst) && score <= worst)
            {
                continue;
            }

            if (dead?[i] == true || (allowBriefing is not null && !allowBriefing(Owners[i])))
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

        var result = new List<(long, float)>(top.Count);
        while (top.TryDequeue(out var index, out var score))
        {
            result.Add((Ids[index], score));
        }

        return result;
    }
}
