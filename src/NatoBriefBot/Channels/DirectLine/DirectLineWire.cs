using System.Text.Json.Serialization;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>The optional body of <c>tokens/generate</c> and <c>conversations</c>: <c>{"user":{"id","name"},"locale"}</c>.</summary>
internal sealed record StartRequest(ChannelAccount? User, string? Locale);

/// <summary>The Direct Line <c>Conversation</c> object: what token, start, refresh and reconnect return.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl);

/// <summary>The Direct Line <c>ActivitySet</c>: activities and the watermark to poll from next.</summary>
internal sealed record ActivitySetResponse(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark")] string Watermark);
