namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// The inbound activities already taken, so one that the Bot Service sends again (a retry after a slow or lost
/// acknowledgement) is answered once: <see cref="InboundActivityLog"/> in the process, <see cref="RedisInboundActivityLog"/>
/// across instances (<c>SET NX</c> with an expiry).
/// </summary>
public interface IInboundActivityLog
{
    /// <summary>How long an activity id is remembered; Bot Service retries within seconds.</summary>
    static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    /// <summary>True the first time <paramref name="key"/> is seen (the caller handles the activity), false for a repeat.</summary>
    Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The key of <paramref name="activity"/>: channel, conversation and id; null when it has no id (never a repeat).</summary>
    static string? KeyOf(Activity activity) =>
        string.IsNullOrEmpty(activity?.Id) ? null : $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
}
