using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Core.Answering;

/// <summary>How answers are composed and when the bot says the briefings don't cover a question. Section <c>Answering</c>.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Passages the composer reads, best first (at most <c>Retrieval:MaxEvidence</c> are retrieved).</summary>
    [Range(1, 50)]
    public int EvidencePassages { get; set; } = 8;

    /// <summary>Most sentences in one answer.</summary>
    [Range(1, 10)]
    public int MaxSentences { get; set; } = 3;

    /// <summary>A supporting sentence (from the answer's briefing) joins the answer only when the answer model gives it at least
    /// this share of the best sentence's probability. Chosen on the training split: lower adds context that rarely helps.</summary>
    [Range(0.0, 1.0)]
    public double ExtraSentenceRatio { get; set; } = 0.1;

    /// <summary>When the bot does not answer but its best sentence is about the question's names and most of its words, it
    /// quotes that sentence (uncited) as the closest it found if the answer gate's probability is at least this share of
    /// the gate's threshold; 1 never quotes it, 0 always does.</summary>
    [Range(0.0, 1.0)]
    public double ClosestQuoteGateShare { get; set; } = 0.5;

    /// <summary>The answer model file (written by <c>train</c>); empty uses the model built into the engine. Whether to answer
    /// is that model's probability against its fitted threshold.</summary>
    public string? ModelPath { get; set; }

    /// <summary>How near (cosine) a message the briefings do not answer must come to an example of small talk
    /// (<see cref="ChatIntents"/>) to get the small-talk reply; 1 turns this off. Set with the built-in encoder (arctic-xs)
    /// on the training questions the briefings do not answer: at 0.72, with <see cref="ChatMargin"/> 0.1, only chat.</summary>
    [Range(0.0, 1.0)]
    public double ChatSimilarity { get; set; } = 0.72;

    /// <summary>How much nearer to that example than to any passage of the briefings the message must be.</summary>
    [Range(0.0, 1.0)]
    public double ChatMargin { get; set; } = 0.1;

    /// <summary>A message of several parts ("hey, I'm new on the team, who are you exactly?") is small talk when one part
    /// comes within <see cref="ChatSimilarity"/> of an example and every part comes at least this near one: chat that a
    /// lead-in dilutes, but not a question with a greeting in front ("hi, what did the new command cost?"). 1 turns this off.</summary>
    [Range(0.0, 1.0)]
    public double ChatPartSimilarity { get; set; } = 0.65;

    /// <summary>Conversations remembered for follow-up questions (oldest forgotten first).</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Turns remembered per conversation.</summary>
    [Range(1, 100)]
    public int MaxTurns { get; set; } = 6;

    /// <summary>A conversation idle this long is forgotten.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ConversationMinutes { get; set; } = 60;

    /// <summary>Longest question accepted, in characters.</summary>
    [Range(10, 100_000)]
    public int MaxQuestionLength { get; set; } = 1000;
}
