namespace NatoBriefBot.Core.Storage;

/// <summary>An answer the bot sent, remembered so later feedback can be tied to what was asked and answered.</summary>
/// <param name="AnswerKey">The bot's own id for the answer (also carried in Web Chat's feedback actions).</param>
/// <param name="ActivityId">The id the channel gave the reply activity (what Teams' feedback refers to as replyToId), when known.</param>
/// <param name="ChannelId">The channel, e.g. <c>msteams</c> or <c>webchat</c>.</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="Question">What the user asked.</param>
/// <param name="AnswerText">The answer text as composed (with [n] markers).</param>
/// <param name="Outcome">answered, not_in_briefings or failed.</param>
/// <param name="CitationsJson">The citations as JSON (an array of the engine's Citation records).</param>
public sealed record SentAnswer(
    string AnswerKey,
    string? ActivityId,
    string ChannelId,
    string ConversationId,
    string Question,
    string AnswerText,
    string Outcome,
    string CitationsJson);

/// <summary>One piece of feedback as received from a channel.</summary>
/// <param name="Reaction"><c>like</c> or <c>dislike</c>.</param>
/// <param name="Text">What the user wrote, if anything.</param>
/// <param name="Source">How it arrived, e.g. <c>invoke:message/submitAction</c>.</param>
/// <param name="ReplyToId">The activity id of the answer the feedback is about, when the channel says.</param>
/// <param name="AnswerKey">The bot's answer key, when the channel carries it back.</param>
public sealed record FeedbackSubmission(
    string ChannelId,
    string ConversationId,
    string? UserId,
    string Reaction,
    string? Text,
    string Source,
    string? ReplyToId,
    string? AnswerKey);

/// <summary>Feedback as stored, with the question, answer and citations it refers to (null when the answer is unknown).</summary>
public sealed record StoredFeedback(
    long Id,
    DateTimeOffset ReceivedAt,
    FeedbackSubmission Submission,
    string? Question,
    string? AnswerText,
    string? CitationsJson);

/// <summary>Remembers sent answers and stores users' feedback about them.</summary>
public interface IFeedbackStore
{
    Task RememberAnswerAsync(SentAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Records that the reply activity <paramref name="activityId"/> carried the answer <paramref name="answerKey"/>.</summary>
    Task SetActivityIdAsync(string answerKey, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Stores the feedback with the answer it refers to; returns what was stored.</summary>
    Task<StoredFeedback> RecordAsync(FeedbackSubmission feedback, CancellationToken cancellationToken = default);

    /// <summary>All stored feedback, newest first.</summary>
    Task<IReadOnlyList<StoredFeedback>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);
}
