namespace NatoBriefBot.Core.Answering;

/// <summary>One finished turn of a conversation, as remembered for follow-up questions.</summary>
/// <param name="Question">What the user typed.</param>
/// <param name="ResolvedQuestion">The stand-alone form of the question that was actually answered.</param>
/// <param name="Answer">The bot's answer.</param>
public sealed record ConversationTurn(string Question, string ResolvedQuestion, Answer Answer);

/// <summary>
/// Turns a follow-up ("And Germany?", "Where will the command he mentioned be based?") into a stand-alone question
/// using the conversation's previous turns. Offline: carries over entities and dates; LLM: a rewrite prompt.
/// </summary>
public interface IQuestionRewriter
{
    Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken = default);
}
