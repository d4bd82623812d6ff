using System.Collections.Concurrent;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// Remembers the last turns of each conversation for follow-up questions. Bounded: at most
/// <see cref="AnsweringOptions.MaxConversations"/> conversations of <see cref="AnsweringOptions.MaxTurns"/> turns,
/// each forgotten after <see cref="AnsweringOptions.ConversationMinutes"/> idle. Thread-safe.
/// </summary>
public sealed class ConversationMemory(AnsweringOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public IReadOnlyList<ConversationTurn> History(string? conversation)
    {
        if (conversation is null || !_conversations.TryGetValue(conversation, out var entry))
        {
            return [];
        }

        lock (entry)
        {
            if (clock.GetUtcNow() - entry.LastUsed > TimeSpan.FromMinutes(options.ConversationMinutes))
            {
                _conversations.TryRemove(conversation, out _);
                return [];
            }

            return entry.Turns.ToList();
        }
    }

    public void Remember(string? conversation, ConversationTurn turn)
    {
        if (conversation is null)
        {
            return;
        }

        var entry = _conversations.GetOrAdd(conversation, _ => new Entry());
        lock (entry)
        {
            entry.Turns.Enqueue(turn);
            while (entry.Turns.Count > options.MaxTurns)
            {
                entry.Turns.Dequeue();
            }

            entry.LastUsed = clock.GetUtcNow();
        }

        if (_conversations.Count > options.MaxConversations)
        {
            Evict();
        }
    }

    private void Evict()
    {
        var now = clock.GetUtcNow();
        var expired = _conversations.Where(kv => now - kv.Value.LastUsed > TimeSpan.FromMinutes(options.ConversationMinutes)).Select(kv => kv.Key).ToList();
        foreach (var key in expired)
        {
            _conversations.TryRemove(key, out _);
        }

        var excess = _conversations.Count - options.MaxConversations;
        if (excess > 0)
        {
            foreach (var key in _conversations.OrderBy(kv => kv.Value.LastUsed).Take(excess).Select(kv => kv.Key).ToList())
            {
                _conversations.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public Queue<ConversationTurn> Turns { get; } = new();

        public DateTimeOffset LastUsed { get; set; }
    }
}
