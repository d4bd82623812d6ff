using Microsoft.Extensions.Options;
using NatoBriefBot.Core;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations held in memory: at most <c>MaxConversations</c> of them and <c>MaxTotalBytes</c> of
/// activity JSON between them (the least recently used go first), each forgotten after <c>IdleMinutes</c> without use.
/// Safe to use from many requests at once: the conversations are an <see cref="LruCache{TKey, TValue}"/>.
/// </summary>
public sealed class ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time) : IDirectLineStore
{
    private readonly LruCache<string, DirectLineConversation> _conversations = new(
        options.Value.MaxConversations, options.Value.MaxTotalBytes, options.Value.IdleLifetime, time, StringComparer.Ordinal);

    public int Count => _conversations.Count;

    /// <summary>Bytes of activity JSON held over all conversations.</summary>
    public long Bytes => _conversations.Weight;

    /// <summary>The live conversation <paramref name="id"/>, or null when it was never started, has expired or was dropped.</summary>
    public DirectLineConversation? Find(string id) => _conversations.TryGet(id, out var conversation) ? conversation : null;

    /// <summary>Starts conversation <paramref name="id"/> for <paramref name="userId"/>, or returns it if already started.
    /// <c>Created</c> tells which happened.</summary>
    public (DirectLineConversation Conversation, bool Created) Start(string id, string userId)
    {
        var limits = options.Value;
        var conversation = _conversations.GetOrAdd(
            id,
            key => new DirectLineConversation(key, userId, limits.MaxActivitiesPerConversation, limits.MaxBytesPerConversation, time,
                bytes => _conversations.SetWeight(key, bytes)),
            out var created);
        return (conversation, created);
    }

    public Task<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IDirectLineConversation?>(Find(id));

    public Task<(IDirectLineConversation Conversation, bool Created)> StartAsync(string id, string userId, CancellationToken cancellationToken = default)
    {
        var (conversation, created) = Start(id, userId);
        return Task.FromResult<(IDirectLineConversation, bool)>((conversation, created));
    }
}
