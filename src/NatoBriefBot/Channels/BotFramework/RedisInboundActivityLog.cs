using NatoBriefBot.Core.State;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary><see cref="IInboundActivityLog"/> shared by every instance: <c>SET {prefix}inbound:{key} 1 NX EX</c>. While Redis
/// is down every activity is taken (answering a retry twice beats dropping a question).</summary>
public sealed class RedisInboundActivityLog(RedisState redis) : IInboundActivityLog
{
    public Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default) =>
        redis.ClaimAsync("inbound:" + key, IInboundActivityLog.Remembered, "checking an inbound activity");
}
