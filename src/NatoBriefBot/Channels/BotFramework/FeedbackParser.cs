using System.Text.Json;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Reads feedback from the three shapes channels send it in: the <c>message/submitAction</c> invoke (Teams' feedback
/// loop and Web Chat's feedback form), Web Chat's <c>webchat:activity-status/feedback</c> event (Like/Dislike actions of
/// the schema.org Message entity), and <c>messageReaction</c> activities.
/// </summary>
public static class FeedbackParser
{
    public const string SubmitActionInvoke = "message/submitAction";
    public const string WebChatFeedbackEvent = "webchat:activity-status/feedback";

    /// <summary>The feedback carried by <paramref name="activity"/>, null when it carries none, or an error saying what is wrong with it.</summary>
    public static (FeedbackSubmission? Feedback, string? Error) Parse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            "invoke" when activity.Name == SubmitActionInvoke => FromSubmitAction(activity),
            "event" when activity.Name == WebChatFeedbackEvent => FromWebChatEvent(activity),
            "messageReaction" => FromReaction(activity),
            _ => (null, null),
        };
    }

    private static (FeedbackSubmission?, string?) FromSubmitAction(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value ||
            !value.TryGetProperty("actionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "feedback")
        {
            return (null, "value.actionName must be \"feedback\".");
        }

        if (!value.TryGetProperty("actionValue", out var actionValue) || actionValue.ValueKind != JsonValueKind.Object ||
            !actionValue.TryGetProperty("reaction", out var reactionElement) || reactionElement.ValueKind != JsonValueKind.String ||
            reactionElement.GetString() is not ("like" or "dislike"))
        {
            return (null, "value.actionValue.reaction must be \"like\" or \"dislike\".");
        }

        var text = actionValue.TryGetProperty("feedback", out var feedback) ? FeedbackText(feedback) : null;
        return (Submission(activity, reactionElement.GetString()!, text, $"invoke:{SubmitActionInvoke}", activity.ReplyToId, null), null);
    }

    private static (FeedbackSubmission?, string?) FromWebChatEvent(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("@type", out var type))
            {
                continue;
            }

            var reaction = type.ValueKind != JsonValueKind.String ? null : type.GetString() switch
            {
                "LikeAction" => "like",
                "DislikeAction" => "dislike",
                _ => null,
            };
            if (reaction is null)
            {
                continue;
            }

            var id = entity.TryGetProperty("@id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            var key = WebChatReplyRenderer.ParseFeedbackActionId(id)?.AnswerKey;
            return (Submission(activity, reaction, null, $"event:{WebChatFeedbackEvent}", activity.ReplyToId, key), null);
        }

        return (null, "the event carries no LikeAction or DislikeAction entity.");
    }

    private static (FeedbackSubmission?, string?) FromReaction(Activity activity)
    {
        if (activity.Extra is null || !activity.Extra.TryGetValue("reactionsAdded", out var added) || added.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        foreach (var reaction in added.EnumerateArray())
        {
            var type = reaction.ValueKind == JsonValueKind.Object && reaction.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            var mapped = type switch
            {
                "like" or "plusOne" or "+1" or "thumbsup" or "heart" => "like",
                "dislike" or "minusOne" or "-1" or "thumbsdown" => "dislike",
                _ => null,
            };
            if (mapped is not null)
            {
                return (Submission(activity, mapped, null, "messageReaction", activity.ReplyToId, null), null);
            }
        }

        return (null, null);
    }

    /// <summary>Teams sends a JSON string (<c>{"feedbackText":"..."}</c>), Web Chat an object; plain text is kept as is.</summary>
    private static string? FeedbackText(JsonElement feedback)
    {
        switch (feedback.ValueKind)
        {
            case JsonValueKind.Object:
                return feedback.TryGetProperty("feedbackText", out var t) && t.ValueKind == JsonValueKind.String ? NullIfEmpty(t.GetString()) : null;
            case JsonValueKind.String:
                var raw = feedback.GetString();
                if (string.IsNullOrWhiteSpace(raw))
                {
                    return null;
                }

                try
                {
                    using var doc = JsonDocument.Parse(raw);
                    return FeedbackText(doc.RootElement.Clone());
                }
                catch (JsonException)
                {
                    return raw;
                }

            default:
                return null;
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static FeedbackSubmission Submission(Activity activity, string reaction, string? text, string source, string? replyToId, string? answerKey) =>
        new(activity.ChannelId ?? "", activity.Conversation?.Id ?? "", activity.From?.Id, reaction, text, source, replyToId, answerKey);
}
