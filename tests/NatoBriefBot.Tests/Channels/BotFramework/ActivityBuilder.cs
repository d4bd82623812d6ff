namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>Activities as channels send them, as plain JSON-shaped objects.</summary>
internal static class ActivityBuilder
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";

    /// <summary>A fresh activity id, as channels give each activity (the bot ignores an id it has already seen: a retry).</summary>
    public static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}";

    public static Dictionary<string, object?> Message(string serviceUrl, string conversationId, string text, string channelId = "emulator", string? id = null) => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NewId("act"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId, name = "User" },
        ["recipient"] = new { id = BotId, name = "Bot" },
        ["text"] = text,
        ["locale"] = "en-GB",
    };

    public static Dictionary<string, object?> MembersAdded(string serviceUrl, string conversationId, string channelId, params string[] memberIds) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = NewId("cu"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId },
        ["recipient"] = new { id = BotId },
        ["membersAdded"] = memberIds.Select(id => new { id }).ToArray(),
    };

    /// <summary>Teams' conversationUpdate in a scope (<c>personal</c>, <c>groupChat</c> or <c>channel</c>, as
    /// <c>conversation.conversationType</c> says).</summary>
    public static Dictionary<string, object?> TeamsMembersAdded(string serviceUrl, string conversationId, string scope, params string[] memberIds)
    {
        var activity = MembersAdded(serviceUrl, conversationId, "msteams", memberIds);
        activity["conversation"] = new { id = conversationId, conversationType = scope, tenantId = "tenant-1" };
        activity["channelData"] = new { eventType = "teamMemberAdded", tenant = new { id = "tenant-1" } };
        return activity;
    }

    /// <summary>A Teams message in a scope (<c>personal</c>, <c>groupChat</c> or <c>channel</c>).</summary>
    public static Dictionary<string, object?> TeamsMessage(string serviceUrl, string conversationId, string scope, string text)
    {
        var activity = Message(serviceUrl, conversationId, text, channelId: "msteams");
        activity["conversation"] = new { id = conversationId, conversationType = scope, tenantId = "tenant-1" };
        return activity;
    }

    /// <summary>The one <c>streaminfo</c> entity of a sent activity.</summary>
    public static System.Text.Json.JsonElement StreamInfo(System.Text.Json.JsonElement activity) =>
        Assert.Single(activity.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "streaminfo");

    /// <summary>Teams' installationUpdate: <paramref name="action"/> is <c>add</c>, <c>remove</c>, <c>add-upgrade</c> or <c>remove-upgrade</c>.</summary>
    public static Dictionary<string, object?> InstallationUpdate(string serviceUrl, string conversationId, string scope, string action) => new()
    {
        ["type"] = "installationUpdate",
        ["id"] = NewId("iu"),
        ["action"] = action,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId, conversationType = scope, tenantId = "tenant-1" },
        ["from"] = new { id = UserId },
        ["recipient"] = new { id = BotId },
        ["channelData"] = new { tenant = new { id = "tenant-1" } },
    };

    public static Dictionary<string, object?> SubmitFeedback(string serviceUrl, string conversationId, string channelId, string replyToId, string reaction, object feedback) => new()
    {
        ["type"] = "invoke",
        ["name"] = "message/submitAction",
        ["id"] = NewId("inv"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["conversation"] = new { id = conversationId },
        ["from"] = new { id = UserId },
        ["recipient"] = new { id = BotId },
        ["replyToId"] = replyToId,
        ["value"] = new { actionName = "feedback", actionValue = new { reaction, feedback } },
    };
}
