namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>Activities as channels send them, as plain JSON-shaped objects.</summary>
internal static class ActivityBuilder
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";

    public static Dictionary<string, object?> Message(string serviceUrl, string conversationId, string text, string channelId = "emulator", string id = "act-1") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId, name = "User" },
        ["recipient"] = new { id = BotId, name = "Bot" },
        ["text"] = text,
        ["locale"] = "en-GB",
    };

    public static Dictionary<string, object?> MembersAdded(string serviceUrl, string conversationId, params string[] memberIds) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "cu-1",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId },
        ["recipient"] = new { id = BotId },
        ["membersAdded"] = memberIds.Select(id => new { id }).ToArray(),
    };

    public static Dictionary<string, object?> SubmitFeedback(string serviceUrl, string conversationId, string channelId, string replyToId, string reaction, object feedback) => new()
    {
        ["type"] = "invoke",
        ["name"] = "message/submitAction",
        ["id"] = "inv-1",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId },
        ["recipient"] = new { id = BotId },
        ["replyToId"] = replyToId,
        ["value"] = new { actionName = "feedback", actionValue = new { reaction, feedback } },
    };
}
