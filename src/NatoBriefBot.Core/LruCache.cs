namespace NatoBriefBot.Core;

/// <summary>
/// A bounded least-recently-used cache, safe under concurrency by construction: every read and write of its
/// structure happens under one lock, and nothing is sorted. Holds at most <c>maxCount</c> entries whose weights
/// (e.g. bytes; 1 each unless set) add up to at most <c>maxWeight</c>; an entry unused for <c>idle</c> is gone.
/// Adding or growing an entry evicts the least recently used others until the bounds hold again.
/// </summary>
public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _map;
    private readonly LinkedList<Entry> _order = new(); // most recently used first
    private readonly int _maxCount;
    private readonly long _maxWeight;
    private readonly TimeSpan _idle;
    private readonly TimeProvider _clock;
    private long _weight;

    public LruCache(int maxCount, long maxWeight, TimeSpan idle, TimeProvider clock, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _maxCount = maxCount;
        _maxWeight = maxWeight;
        _idle = idle;
        _clock = clock;
        _map = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    public int Count
    {
        get { lock (_gate) { return _map.Count; } }
    }

    /// <summary>The sum of the entries' weights.</summary>
    public long Weight
    {
        get { lock (_gate) { return _weight; } }
    }

    /// <summary>The live value for <paramref name="key"/>; false when absent or idle too long. With <paramref name="touch"/>
    /// the read counts as a use (it restarts the idle time and makes the entry the most recently used).</summary>
    public bool TryGet(TKey key, out TValue value, bool touch = true)
    {
        lock (_gate)
        {
            if (Live(key) is { } node)
            {
                if (touch)
                {
                    Touch(node);
                }

                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }
    }

    /// <summary>The live value for <paramref name="key"/>, or a new one from <paramref name="create"/> (called under the
    /// cache's lock, so keep it cheap). <paramref name="created"/> tells which.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create, out bool created)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            if (Live(key) is { } node)
            {
                Touch(node);
                created = false;
                return node.Value.Value;
            }

            var value = create(key);
            var added = _order.AddFirst(new Entry(key, value, 1, _clock.GetUtcNow()));
            _map[key] = added;
            _weight += 1;
            EvictBeyondBounds(added);
            created = true;
            return value;
        }
    }

    /// <summary>Sets the weight of <paramref name="key"/> (when present) and evicts other entries until the total fits.
    /// The entry itself stays even when it alone is heavier than the bound: its owner trims it.</summary>
    public void SetWeight(TKey key, long weight)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return;
            }

            _weight += weight - node.Value.Weight;
            node.Value.Weight = weight;
            Touch(node);
            EvictBeyondBounds(node);
        }
    }

    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            Drop(node);
            return true;
        }
    }

    private LinkedListNode<Entry>? Live(TKey key)
    {
        if (!_map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (_clock.GetUtcNow() - node.Value.LastUsed > _idle)
        {
            Drop(node);
            return null;
        }

        return node;
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        node.Value.LastUsed = _clock.GetUtcNow();
        _order.Remove(node);
        _order.AddFirst(node);
    }

    private void EvictBeyondBounds(LinkedListNode<Entry> keep)
    {
        var now = _clock.GetUtcNow();
        while (_order.Last is { } oldest && oldest != keep &&
               (_map.Count > _maxCount || _weight > _maxWeight || now - oldest.Value.LastUsed > _idle))
        {
            Drop(oldest);
        }
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _map.Remove(node.Value.Key);
        _weight -= node.Value.Weight;
    }

    private sealed class Entry(TKey key, TValue value, long weight, DateTimeOffset lastUsed)
    {
        public TKey Key { get; } = key;

        public TValue Value { get; } = value;

        public long Weight { get; set; } = weight;

        public DateTimeOffset LastUsed { get; set; } = lastUsed;
    }
}
