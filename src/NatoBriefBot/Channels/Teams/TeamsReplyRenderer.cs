using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Channels.Teams;

/// <summary>
/// Teams: the answer text keeps its [n] markers, exactly one schema.org <c>Message</c> entity carries the citations
/// (Teams draws them as numbered pills with pop-ups), and <c>channelData.feedbackLoop: {"type": "default"}</c> shows the
/// thumbs up/down buttons (not the legacy <c>feedbackLoopEnabled</c>: Teams rejects a message that carries both).
/// Briefing text is escaped by <see cref="UntrustedContent"/>: Markdown in the text, HTML in the entity.
/// </summary>
public static class TeamsReplyRenderer
{
    private static readonly JsonElement FeedbackLoop = JsonSerializer.SerializeToElement(new { feedbackLoop = new { type = "default" } });

    public static RenderedReply Render(Answer answer, bool cites, SuggestedActions? suggestions)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new RenderedReply(
            UntrustedContent.MarkdownKeepingMarkers(answer.Text),
            cites ? [CitationEntity.Build(answer.Citations, CitationEntity.Channel.Teams, answerText: answer.Text)] : null,
            FeedbackLoop,
            suggestions);
    }
}
