using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NatoBriefBot.Tests.Channels.DirectLine;

/// <summary>Speaks Direct Line 3.0 over HTTP to a running bot, the way directlinejs does.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string Prefix = "/v3/directline";

    public async Task<JsonElement> GenerateAsync(object? body = null)
    {
        using var response = await http.PostAsync($"{Prefix}/tokens/generate", body is null ? null : JsonContent.Create(body));
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }

    /// <summary>Generates a token and starts its conversation; returns the conversation id and the token to use.</summary>
    public async Task<(string ConversationId, string Token)> StartAsync()
    {
        var generated = await GenerateAsync();
        using var response = await SendAsync(HttpMethod.Post, "/conversations", generated.GetProperty("token").GetString(), "{}");
        response.EnsureSuccessStatusCode();
        var started = await ReadAsync(response);
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Prefix + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    public async Task<(List<JsonElement> Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string watermark = "") =>
        await TryGetActivitiesAsync(conversationId, token, watermark)
        ?? throw new HttpRequestException("The conversation has ended or expired (404).", null, HttpStatusCode.NotFound);

    /// <summary>Polls until <paramref name="found"/> matches an activity (gives up after a generous bound).</summary>
    public async Task<JsonElement> PollForAsync(string conversationId, string token, Func<JsonElement, bool> found) =>
        await TryPollForAsync(conversationId, token, found)
        ?? throw new Xunit.Sdk.XunitException("The conversation ended before the expected activity arrived.");

    /// <summary>Like <see cref="PollForAsync"/>, but null when the bot drops the conversation (404) before the activity arrives.</summary>
    public async Task<JsonElement?> TryPollForAsync(string conversationId, string token, Func<JsonElement, bool> found)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await TryGetActivitiesAsync(conversationId, token) is not { } set)
            {
                return null;
            }

            foreach (var activity in set.Activities.Where(found))
            {
                return activity;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("The expected activity never arrived.");
    }

    private async Task<(List<JsonElement> Activities, string Watermark)?> TryGetActivitiesAsync(string conversationId, string token, string watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var set = await ReadAsync(response);
        return (set.GetProperty("activities").EnumerateArray().ToList(), set.GetProperty("watermark").GetString()!);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";
}
