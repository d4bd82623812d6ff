using NatoBriefBot.Core;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary><see cref="IInboundActivityLog"/> in the process: a bounded LRU of activity keys.</summary>
public sealed class InboundActivityLog(TimeProvider clock) : IInboundActivityLog
{
    private const int MaxActivities = 100_000;

    private readonly LruCache<string, bool> _seen = new(MaxActivities, MaxActivities, IInboundActivityLog.Remembered, clock, StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        _seen.GetOrAdd(key, _ => true, out var created);
        return Task.FromResult(created);
    }
}
