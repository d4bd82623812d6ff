using NatoBriefBot.Core;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests;

public class LruCacheTests
{
    private readonly FixedTimeProvider _clock = new(2025, 3, 10);

    private LruCache<string, string> Cache(int maxCount = 10, long maxWeight = 1000) =>
        new(maxCount, maxWeight, TimeSpan.FromMinutes(30), _clock, StringComparer.Ordinal);

    [Fact]
    public void SetWeight_TotalOverLimit_EvictsLeastRecentlyUsedOthers()
    {
        var cache = Cache(maxWeight: 100);
        cache.GetOrAdd("a", k => k, out _);
        cache.GetOrAdd("b", k => k, out _);
        cache.GetOrAdd("c", k => k, out _);
        cache.SetWeight("a", 40);
        cache.SetWeight("b", 40);

        cache.SetWeight("c", 40);

        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(80, cache.Weight);
    }

    [Fact]
    public void TryGet_WithoutTouch_DoesNotRestartIdleTime()
    {
        var cache = Cache();
        cache.GetOrAdd("a", k => k, out _);
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(cache.TryGet("a", out _, touch: false));

        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void GetOrAdd_ManyThreadsManyKeys_StaysWithinBoundsAndWeightAddsUp()
    {
        var cache = new LruCache<int, int>(50, 5_000, TimeSpan.FromMinutes(30), TimeProvider.System);

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var key = i % 400;
            cache.GetOrAdd(key, k => k, out _);
            cache.SetWeight(key, 1 + (i % 150));
            cache.TryGet((i * 7) % 400, out _);
            if (i % 13 == 0)
            {
                cache.Remove(key);
            }
        });

        Assert.InRange(cache.Count, 0, 50);
        Assert.InRange(cache.Weight, 0, 5_000);
    }
}
