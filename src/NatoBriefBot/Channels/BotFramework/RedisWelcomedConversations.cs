using NatoBriefBot.Core.State;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary><see cref="IWelcomedConversations"/> shared by every instance: <c>SET {prefix}welcomed:{key} 1 NX EX</c>. While
/// Redis is down the bot welcomes (a second welcome beats none).</summary>
public sealed class RedisWelcomedConversations(RedisState redis) : IWelcomedConversations
{
    public Task<bool> TryClaimAsync(string conversationKey, CancellationToken cancellationToken = default) =>
        redis.ClaimAsync("welcomed:" + conversationKey, IWelcomedConversations.Remembered, "claiming a welcome");

    public async Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.RunAsync(db => db.KeyDeleteAsync(redis.Key("welcomed:" + conversationKey)), "forgetting a welcome").ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            // Forgotten within the hour anyway.
        }
    }
}
