using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// Where the bot's replies go during a Direct Line turn: straight into the conversation, stamped the way the
/// Direct Line service stamps them (id, timestamp, bot as sender, user as recipient, reply-to the incoming activity).
/// </summary>
internal sealed class DirectLineSender(IDirectLineConversation conversation, Activity incoming, ChannelAccount bot) : IActivitySender
{
    public Task SendAsync(Activity activity, CancellationToken cancellationToken) => SendAndGetIdAsync(activity, cancellationToken);

    public async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = await conversation.AppendAsync(activity with
        {
            ChannelId = DirectLineEndpoints.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = bot,
            Recipient = activity.Recipient ?? incoming.From,
            ReplyToId = activity.ReplyToId ?? (incoming.Type == "message" ? incoming.Id : null),
        }, cancellationToken).ConfigureAwait(false);
        return stored.Id;
    }
}
