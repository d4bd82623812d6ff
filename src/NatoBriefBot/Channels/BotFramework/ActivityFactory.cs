namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Builds outgoing activities addressed back to where an incoming one came from.</summary>
public static class ActivityFactory
{
    /// <summary>An activity of <paramref name="type"/> replying to <paramref name="incoming"/>: from and recipient swapped,
    /// conversation, channel and service URL copied, <c>replyToId</c> set to the incoming id.</summary>
    public static Activity ReplyTo(Activity incoming, string type)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return new Activity
        {
            Type = type,
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            Conversation = incoming.Conversation,
            From = incoming.Recipient,
            Recipient = incoming.From,
            ReplyToId = incoming.Id,
            Locale = incoming.Locale,
        };
    }

    /// <summary>A plain text message replying to <paramref name="incoming"/>, with its <see cref="InputHints">input hint</see>.</summary>
    public static Activity Message(Activity incoming, string text, string inputHint) =>
        ReplyTo(incoming, "message") with { Text = text, InputHint = inputHint };

    /// <summary>The engine's conversation key: channel and conversation id, so follow-ups stay within one chat.</summary>
    public static string ConversationKey(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}:{activity.Conversation?.Id}";
    }
}
