using NatoBriefBot.Core;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary><see cref="IWelcomedConversations"/> in the process (one instance): bounded, forgotten after an hour.</summary>
public sealed class WelcomedConversations(TimeProvider clock) : IWelcomedConversations
{
    private const int MaxConversations = 10_000;

    private readonly LruCache<string, bool> _welcomed = new(MaxConversations, MaxConversations, IWelcomedConversations.Remembered, clock, StringComparer.Ordinal);

    public Task<bool> TryClaimAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        _welcomed.GetOrAdd(conversationKey, _ => true, out var created);
        return Task.FromResult(created);
    }

    public Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        _welcomed.Remove(conversationKey);
        return Task.CompletedTask;
    }
}
