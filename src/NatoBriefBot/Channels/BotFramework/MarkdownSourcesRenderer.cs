using System.Globalization;
using System.Text;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Emulator and other channels: the answer followed by a Markdown list of its sources
/// (number, title, date, publisher, link and a short quote). Briefing text is escaped by <see cref="UntrustedContent"/>.</summary>
public static class MarkdownSourcesRenderer
{
    public const int MaxQuoteLength = 160;

    public static RenderedReply Render(Answer answer, bool cites, SuggestedActions? suggestions)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!cites)
        {
            return new RenderedReply(ReplyRenderer.AnswerMarkdown(answer.Text), null, null, suggestions);
        }

        var text = new StringBuilder(ReplyRenderer.AnswerMarkdown(answer.Text)).Append("\n\n**Sources**\n");
        foreach (var citation in answer.Citations.OrderBy(c => c.N))
        {
            var details = new List<string>();
            if (citation.Published is { } date)
            {
                details.Add(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrWhiteSpace(citation.Publisher))
            {
                details.Add(UntrustedContent.Markdown(citation.Publisher));
            }

            if (UntrustedContent.HttpUrl(citation.Url) is { } url)
            {
                details.Add($"[link](<{UntrustedContent.MarkdownUrl(url)}>)");
            }

            text.Append(CultureInfo.InvariantCulture, $"\n{citation.N}. **{UntrustedContent.Markdown(citation.Title)}**");
            if (details.Count > 0)
            {
                text.Append(" — ").Append(string.Join(", ", details));
            }

            text.Append(CultureInfo.InvariantCulture, $"\n   > {UntrustedContent.Markdown(ReplyRenderer.Truncate(citation.Quote, MaxQuoteLength))}\n");
        }

        return new RenderedReply(text.ToString().TrimEnd('\n'), null, null, suggestions);
    }
}
