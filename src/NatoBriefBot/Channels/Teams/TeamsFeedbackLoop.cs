using System.Text.Json;
using System.Text.Json.Nodes;

namespace NatoBriefBot.Channels.Teams;

/// <summary>
/// Teams' thumbs up/down under a message: <c>channelData.feedbackLoop: {"type": "default"}</c>. The legacy
/// <c>feedbackLoopEnabled</c> flag is removed, because Teams rejects a message that carries both.
/// </summary>
public static class TeamsFeedbackLoop
{
    public const string DefaultType = "default";

    /// <summary><paramref name="channelData"/> (any other fields kept) with the default feedback loop on.</summary>
    public static JsonElement Enable(JsonElement? channelData)
    {
        var data = channelData is { ValueKind: JsonValueKind.Object } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : new JsonObject();
        data.Remove("feedbackLoopEnabled");
        data["feedbackLoop"] = new JsonObject { ["type"] = DefaultType };
        return JsonSerializer.SerializeToElement(data);
    }
}
