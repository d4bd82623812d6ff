using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// A Bot Framework activity (the v3 REST schema), with just the fields this bot reads or writes.
/// Every other field survives a round trip through <see cref="Extra"/>.
/// </summary>
public sealed record Activity
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; init; }
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }
    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }
    [JsonPropertyName("from")] public ChannelAccount? From { get; init; }
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; init; }
    [JsonPropertyName("textFormat")] public string? TextFormat { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("value")] public JsonElement? Value { get; init; }
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; init; }
    [JsonPropertyName("deliveryMode")] public string? DeliveryMode { get; init; }
    [JsonPropertyName("membersAdded")] public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    [JsonPropertyName("membersRemoved")] public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<JsonElement>? Entities { get; init; }
    [JsonPropertyName("attachments")] public IReadOnlyList<JsonElement>? Attachments { get; init; }
    [JsonPropertyName("suggestedActions")] public SuggestedActions? SuggestedActions { get; init; }
    [JsonPropertyName("inputHint")] public string? InputHint { get; init; }
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; init; }

    /// <summary>Fields this bot does not model; kept so nothing a channel sent is lost.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Values of <see cref="Activity.InputHint"/>: whether the bot, after this message, waits for the user.</summary>
public static class InputHints
{
    /// <summary>Ready for more, not waiting (an answer).</summary>
    public const string AcceptingInput = "acceptingInput";

    /// <summary>Waiting for the user (a welcome or a request to ask or rephrase).</summary>
    public const string ExpectingInput = "expectingInput";
}

public sealed record ChannelAccount
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ConversationAccount
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; init; }
    [JsonPropertyName("conversationType")] public string? ConversationType { get; init; }
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record SuggestedActions
{
    [JsonPropertyName("to")] public IReadOnlyList<string>? To { get; init; }
    [JsonPropertyName("actions")] public IReadOnlyList<CardAction> Actions { get; init; } = [];
}

public sealed record CardAction
{
    [JsonPropertyName("type")] public string Type { get; init; } = "imBack";
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
}

/// <summary>Where the bot's replies for one turn go: the Bot Connector REST API, an expectReplies buffer, or Direct Line.</summary>
public interface IActivitySender
{
    Task SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Where drafts of the answer go while it is written, when this channel streams them (<see cref="StreamingSender"/>);
    /// null when it shows the final message only.</summary>
    IProgress<string>? Drafts => null;

    /// <summary>Sends <paramref name="activity"/> and returns the id the channel knows it by (what later feedback's
    /// <c>replyToId</c> refers to). The default assumes the channel keeps <see cref="Activity.Id"/>.</summary>
    async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await SendAsync(activity, cancellationToken).ConfigureAwait(false);
        return activity.Id;
    }
}

/// <summary>The bot's turn logic, independent of how activities arrive.</summary>
public interface IBot
{
    /// <summary>Handles one incoming activity and sends zero or more replies through <paramref name="sender"/>.
    /// Returns the invoke response body for <c>invoke</c> activities, else null.</summary>
    Task<InvokeResponse?> OnTurnAsync(Activity incoming, IActivitySender sender, CancellationToken cancellationToken);
}

/// <summary>The HTTP status and body an <c>invoke</c> activity is answered with.</summary>
public sealed record InvokeResponse(int Status, object? Body);
