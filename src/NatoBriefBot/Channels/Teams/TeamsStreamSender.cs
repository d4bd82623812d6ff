using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.Teams;

/// <summary>
/// Turns a Teams turn's typing indicators into Teams' streaming protocol (one-on-one chats only): each typing becomes an
/// informative update ("Searching the briefings…", a <c>streaminfo</c> entity with a rising <c>streamSequence</c>; the first
/// one's id is the stream's id), and the message that ends the turn (the answer, or an error or timeout message) closes
/// the stream with <c>streamType: final</c>. Sends are serialized so the sequence numbers arrive in order.
/// </summary>
public sealed class TeamsStreamSender(IActivitySender inner) : IActivitySender
{
    public const string SearchingText = "Searching the briefings…";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _streamId;
    private int _sequence;

    /// <summary><paramref name="sender"/> wrapped when <paramref name="incoming"/> comes from a Teams personal chat, else itself.</summary>
    public static IActivitySender For(Activity incoming, IActivitySender sender)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return incoming.ChannelId == "msteams" && incoming.Conversation?.ConversationType == "personal" ? new TeamsStreamSender(sender) : sender;
    }

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
        await SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);

    public async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (activity.Type == "typing")
            {
                var update = activity with
                {
                    Text = SearchingText,
                    Entities = [StreamInfo(new { type = "streaminfo", streamId = _streamId, streamType = "informative", streamSequence = ++_sequence })],
                };
                var id = await inner.SendAndGetIdAsync(update, cancellationToken).ConfigureAwait(false);
                _streamId ??= id;
                return id;
            }

            if (activity.Type == "message" && _streamId is not null)
            {
                activity = activity with
                {
                    Entities = [.. activity.Entities ?? [], StreamInfo(new { type = "streaminfo", streamId = _streamId, streamType = "final" })],
                };
            }

            return await inner.SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static JsonElement StreamInfo(object entity) => JsonSerializer.SerializeToElement(entity, BotJson.Options);
}
