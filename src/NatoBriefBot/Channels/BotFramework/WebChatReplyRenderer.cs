using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Web Chat (and Direct Line): the text ends with Markdown link reference definitions (<c>[1]: url "title"</c>, or
/// <c>cite:1</c> for a source without a URL), which Web Chat matches by number to the claims of the schema.org
/// <c>Message</c> entity and lists under the message. The entity's Like/Dislike actions give the feedback buttons;
/// their ids carry the answer key back with the feedback.
/// </summary>
public static class WebChatReplyRenderer
{
    public const string FeedbackActionPrefix = "urn:natobriefbot:answer:";

    public static RenderedReply Render(Answer answer, bool cites, SuggestedActions? suggestions, string answerKey)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var actions = new JsonArray(FeedbackAction("LikeAction", answerKey, "like"), FeedbackAction("DislikeAction", answerKey, "dislike"));
        if (!cites)
        {
            // A refusal gets the feedback buttons too: "it should have known that" is worth hearing.
            return new RenderedReply(ReplyRenderer.AnswerMarkdown(answer.Text), [CitationEntity.Build([], CitationEntity.Channel.WebChat, actions)], null, suggestions);
        }

        var text = new StringBuilder(ReplyRenderer.AnswerMarkdown(answer.Text)).Append("\n\n");
        foreach (var citation in answer.Citations.OrderBy(c => c.N).Take(CitationEntity.MaxClaims))
        {
            var target = UntrustedContent.HttpUrl(citation.Url) is { } url ? UntrustedContent.MarkdownUrl(url) : $"cite:{citation.N}";
            var title = UntrustedContent.MarkdownTitle(CitationEntity.DisplayName(citation));
            text.Append(CultureInfo.InvariantCulture, $"[{citation.N}]: <{target}> \"{title}\"\n");
        }

        return new RenderedReply(text.ToString().TrimEnd('\n'), [CitationEntity.Build(answer.Citations, CitationEntity.Channel.WebChat, actions, answer.Text)], null, suggestions);
    }

    /// <summary>Reads the answer key and reaction back from a feedback action id; null when it is not one of ours.</summary>
    public static (string AnswerKey, string Reaction)? ParseFeedbackActionId(string? id)
    {
        if (id is null || !id.StartsWith(FeedbackActionPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = id[FeedbackActionPrefix.Length..];
        var colon = rest.LastIndexOf(':');
        return colon <= 0 ? null : (rest[..colon], rest[(colon + 1)..]);
    }

    private static JsonObject FeedbackAction(string type, string answerKey, string reaction) => new()
    {
        ["@type"] = type,
        ["@id"] = $"{FeedbackActionPrefix}{answerKey}:{reaction}",
        ["actionStatus"] = "PotentialActionStatus",
    };
}
