using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// Where Direct Line conversations and their activity logs live: <see cref="ConversationStore"/> in the process (one
/// machine), <see cref="RedisDirectLineStore"/> in Redis, so a client may post through one instance and read or stream from
/// another. Both keep the same bounds (<see cref="DirectLineOptions"/>).
/// </summary>
public interface IDirectLineStore
{
    /// <summary>The live conversation <paramref name="id"/> (its use counts as activity), or null when it was never started,
    /// has expired or was dropped.</summary>
    /// <exception cref="Core.State.SharedStateUnavailableException">The shared store cannot be reached.</exception>
    Task<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Starts conversation <paramref name="id"/> for <paramref name="userId"/>, or returns it if already started.</summary>
    Task<(IDirectLineConversation Conversation, bool Created)> StartAsync(string id, string userId, CancellationToken cancellationToken = default);
}

/// <summary>One Direct Line conversation: its activities numbered from 1 (the number doubles as the watermark).</summary>
public interface IDirectLineConversation
{
    string Id { get; }

    /// <summary>The user the conversation was started for (from the token).</summary>
    string UserId { get; }

    /// <summary>Waits until <paramref name="incoming"/>'s turn may run: after the turns of the activities posted before it, on
    /// any instance, so replies come in the order the questions were asked and a follow-up sees the answer before it. The
    /// turn holds its place until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> EnterTurnAsync(Activity incoming, CancellationToken cancellationToken = default);

    /// <summary>Gives <paramref name="activity"/> the next id (<c>{conversationId}|0000001</c>) and the server's timestamp,
    /// stores it and wakes every stream waiting for news, on any instance. <paramref name="startsTurn"/>: a posted activity
    /// the bot will answer, which takes its place in the conversation's queue of turns as it is stored.</summary>
    Task<Activity> AppendAsync(Activity activity, CancellationToken cancellationToken = default, bool startsTurn = false);

    /// <summary>Activities after <paramref name="watermark"/>, the new watermark, and a task that completes when more may have arrived.</summary>
    Task<ActivitySet> ReadAfterAsync(long watermark, CancellationToken cancellationToken = default);
}
