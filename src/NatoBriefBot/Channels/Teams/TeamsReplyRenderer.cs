using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Channels.Teams;

/// <summary>
/// Teams: the answer text keeps its [n] markers, exactly one schema.org <c>Message</c> entity carries the citations
/// (Teams draws them as numbered pills with pop-ups), and <c>feedbackLoopEnabled</c> shows the thumbs up/down buttons.
/// </summary>
public static class TeamsReplyRenderer
{
    private static readonly JsonElement FeedbackLoop = JsonSerializer.SerializeToElement(new { feedbackLoopEnabled = true });

    public static RenderedReply Render(Answer answer, bool cites, SuggestedActions? suggestions)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new RenderedReply(
            answer.Text,
            cites ? [CitationEntity.Build(answer.Citations, answerText: answer.Text)] : null,
            FeedbackLoop,
            suggestions);
    }
}
