using System.Text.Json.Serialization;

namespace NatoBriefBot.Core.Answering;

/// <summary>How a question ended. Never an empty answer: always one of these.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerOutcome>))]
public enum AnswerOutcome
{
    /// <summary>The briefings answer it; <see cref="Answer.Citations"/> is not empty.</summary>
    [JsonStringEnumMemberName("answered")] Answered,

    /// <summary>The briefings do not cover it; nothing is cited.</summary>
    [JsonStringEnumMemberName("not_in_briefings")] NotInBriefings,

    /// <summary>Something went wrong; the text says what to do next.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>A message to the bot itself ("hi", "thanks", "what can you do?"): a plain reply, nothing cited.</summary>
    [JsonStringEnumMemberName("conversation")] Conversation,
}

/// <summary>A question put to the bot.</summary>
/// <param name="Question">The user's text.</param>
/// <param name="Conversation">Conversation id for follow-up memory; null for a one-off question.</param>
public sealed record AskRequest(string Question, string? Conversation = null)
{
    /// <summary>Receives the answer text written so far, while a language model writes it: only whole sentences that passed
    /// the citation check, each draft extending the one before. Null: no drafts (the offline composer never sends any).</summary>
    public IProgress<string>? Drafts { get; init; }
}

/// <summary>One cited source. <see cref="Quote"/> is the exact passage text cited.</summary>
public sealed record Citation(
    int N,
    string File,
    string Title,
    DateOnly? Published,
    string? Publisher,
    string? Url,
    string Quote);

/// <summary>The bot's answer: text with [n] markers that refer to <see cref="Citations"/>.</summary>
public sealed record Answer(
    string Question,
    AnswerOutcome Outcome,
    string Text,
    IReadOnlyList<Citation> Citations)
{
    /// <summary>Briefings the user could ask about instead, when the outcome is <see cref="AnswerOutcome.NotInBriefings"/>.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The sentence a <see cref="AnswerOutcome.NotInBriefings"/> answer quotes as the closest it found (uncited), if
    /// any: a follow-up may point into it ("the second one", "how old is she").</summary>
    public string? Closest { get; init; }

    /// <summary>The briefing file a <see cref="AnswerOutcome.NotInBriefings"/> answer found closest, if any: when the
    /// conversation has no cited answer yet, a follow-up ("how much did it cost") looks there first.</summary>
    public string? ClosestFile { get; init; }

    /// <summary>Wall-clock milliseconds spent answering.</summary>
    public double Ms { get; init; }

    /// <summary>The question as it was searched for: a follow-up resolved against the conversation (for eval and
    /// diagnostics; not part of the JSON answer).</summary>
    [JsonIgnore]
    public string? AskedAs { get; init; }

    /// <summary>Where retrieval spent its time (for benchmarks; not part of the JSON answer).</summary>
    [JsonIgnore]
    public Retrieval.RetrievalTimings? Timings { get; init; }
}

/// <summary>The engine's front door: every channel (CLI, JSON API, Bot Framework, Direct Line) asks through this.</summary>
public interface IAnswerService
{
    Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default);
}
