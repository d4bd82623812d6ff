using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// The Direct Line conversations held in memory: at most <c>MaxConversations</c>, each forgotten after
/// <c>IdleMinutes</c> without use. Safe to use from many requests at once.
/// </summary>
public sealed class ConversationStore(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _startGate = new();

    public int Count => _conversations.Count;

    /// <summary>The live conversation <paramref name="id"/>, or null when it was never started or has expired.</summary>
    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        if (IsIdle(conversation))
        {
            _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation));
            return null;
        }

        conversation.Touch();
        return conversation;
    }

    /// <summary>Starts conversation <paramref name="id"/> for <paramref name="userId"/>, or returns it if already started.
    /// <c>Created</c> tells which happened.</summary>
    public (DirectLineConversation Conversation, bool Created) Start(string id, string userId)
    {
        lock (_startGate)
        {
            if (Find(id) is { } existing)
            {
                return (existing, false);
            }

            RemoveIdle();
            var limits = options.Value;
            while (_conversations.Count >= limits.MaxConversations)
            {
                var oldest = _conversations.Values.MinBy(c => c.LastUsed);
                if (oldest is null)
                {
                    break;
                }

                _conversations.TryRemove(oldest.Id, out _);
            }

            var conversation = new DirectLineConversation(id, userId, limits.MaxActivitiesPerConversation, time);
            _conversations[id] = conversation;
            return (conversation, true);
        }
    }

    private void RemoveIdle()
    {
        foreach (var conversation in _conversations.Values.Where(IsIdle).ToList())
        {
            _conversations.TryRemove(new KeyValuePair<string, DirectLineConversation>(conversation.Id, conversation));
        }
    }

    private bool IsIdle(DirectLineConversation conversation) =>
        time.GetUtcNow() - conversation.LastUsed > options.Value.IdleLifetime;
}
