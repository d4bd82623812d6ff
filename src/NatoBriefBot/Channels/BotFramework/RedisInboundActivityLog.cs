using NatoBriefBot.Core.State;
using StackExchange.Redis;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary><see cref="IInboundActivityLog"/> shared by every instance: <c>SET {prefix}inbound:{key} 1 NX EX</c>. While Redis
/// is down every activity is taken (answering a retry twice beats dropping a question).</summary>
public sealed class RedisInboundActivityLog(RedisState redis) : IInboundActivityLog
{
    public async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await redis.RunAsync(db => db.StringSetAsync(redis.Key("inbound:" + key), 1, IInboundActivityLog.Remembered, When.NotExists),
                "checking an inbound activity").ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            return true;
        }
    }
}
