namespace NatoBriefBot.Core.Answering;

/// <summary>
/// Remembers the last turns of each conversation for follow-up questions. Bounded: at most
/// <see cref="AnsweringOptions.MaxConversations"/> conversations (least recently used forgotten first) of
/// <see cref="AnsweringOptions.MaxTurns"/> turns, each forgotten after <see cref="AnsweringOptions.ConversationMinutes"/>
/// without a new turn. Thread-safe by construction: the conversations are an <see cref="LruCache{TKey, TValue}"/>, each turn list has its own lock.
/// </summary>
public sealed class ConversationMemory(AnsweringOptions options, TimeProvider clock) : IConversationMemory
{
    private readonly LruCache<string, Queue<ConversationTurn>> _conversations = new(
        options.MaxConversations, long.MaxValue, TimeSpan.FromMinutes(options.ConversationMinutes), clock, StringComparer.Ordinal);

    public int Count => _conversations.Count;

    public IReadOnlyList<ConversationTurn> History(string? conversation)
    {
        if (conversation is null || !_conversations.TryGet(conversation, out var turns, touch: false))
        {
            return [];
        }

        lock (turns)
        {
            return [.. turns];
        }
    }

    public void Remember(string? conversation, ConversationTurn turn)
    {
        if (conversation is null)
        {
            return;
        }

        var turns = _conversations.GetOrAdd(conversation, _ => new Queue<ConversationTurn>(), out _);
        lock (turns)
        {
            turns.Enqueue(turn);
            while (turns.Count > options.MaxTurns)
            {
                turns.Dequeue();
            }
        }
    }

    public Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string? conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult(History(conversation));

    public Task RememberAsync(string? conversation, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        Remember(conversation, turn);
        return Task.CompletedTask;
    }
}
