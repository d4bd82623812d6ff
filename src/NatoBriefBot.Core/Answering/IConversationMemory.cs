namespace NatoBriefBot.Core.Answering;

/// <summary>
/// The last turns of each conversation, for follow-up questions: <see cref="ConversationMemory"/> in the process (one
/// machine), <see cref="RedisConversationMemory"/> shared by every instance. Both keep at most
/// <see cref="AnsweringOptions.MaxTurns"/> turns of at most <see cref="AnsweringOptions.MaxConversations"/> conversations,
/// each forgotten after <see cref="AnsweringOptions.ConversationMinutes"/> without a new turn.
/// </summary>
public interface IConversationMemory
{
    /// <summary>The remembered turns, oldest first; empty for a new or null conversation.</summary>
    /// <exception cref="State.SharedStateUnavailableException">The shared memory cannot be reached.</exception>
    Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string? conversation, CancellationToken cancellationToken = default);

    /// <summary>Adds <paramref name="turn"/> to <paramref name="conversation"/> (nothing for null).</summary>
    /// <exception cref="State.SharedStateUnavailableException">The shared memory cannot be reached.</exception>
    Task RememberAsync(string? conversation, ConversationTurn turn, CancellationToken cancellationToken = default);
}
