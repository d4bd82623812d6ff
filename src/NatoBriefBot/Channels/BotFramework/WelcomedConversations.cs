using NatoBriefBot.Core;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Conversations the bot has greeted recently, so one installation gets one welcome: Teams announces an install twice,
/// as <c>installationUpdate</c> and as a <c>conversationUpdate</c> adding the bot, in either order. Bounded; an uninstall
/// forgets the conversation, so installing again greets again.
/// </summary>
public sealed class WelcomedConversations(TimeProvider clock)
{
    private const int MaxConversations = 10_000;
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    private readonly LruCache<string, bool> _welcomed = new(MaxConversations, MaxConversations, Remembered, clock, StringComparer.Ordinal);

    /// <summary>True the first time for <paramref name="conversationKey"/> (the caller welcomes), false while it is remembered.</summary>
    public bool TryClaim(string conversationKey)
    {
        _welcomed.GetOrAdd(conversationKey, _ => true, out var created);
        return created;
    }

    public void Forget(string conversationKey) => _welcomed.Remove(conversationKey);
}
