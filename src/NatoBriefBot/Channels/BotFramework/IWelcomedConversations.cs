namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Conversations the bot has greeted recently, so one installation gets one welcome: Teams announces an install twice,
/// as <c>installationUpdate</c> and as a <c>conversationUpdate</c> adding the bot, in either order and, behind a load
/// balancer, to different instances. An uninstall forgets the conversation, so installing again greets again.
/// </summary>
public interface IWelcomedConversations
{
    /// <summary>How long a greeted conversation is remembered.</summary>
    static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    /// <summary>True the first time for <paramref name="conversationKey"/> (the caller welcomes), false while it is remembered.</summary>
    Task<bool> TryClaimAsync(string conversationKey, CancellationToken cancellationToken = default);

    Task ForgetAsync(string conversationKey, CancellationToken cancellationToken = default);
}
