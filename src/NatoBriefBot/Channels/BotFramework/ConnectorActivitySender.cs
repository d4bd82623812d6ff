using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework.Auth;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Sends activities through the Bot Connector REST API: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</c>,
/// with the bot's bearer token when authentication is on (and only to a service URL that arrived in an authenticated activity).
/// </summary>
public sealed class ConnectorActivitySender(HttpClient http, IConnectorTokenProvider? tokens, TrustedServiceUrls trusted) : IActivitySender
{
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
        await SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);

    public async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to send it to.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        var uri = ActivitiesUri(serviceUrl, conversationId, activity.ReplyToId);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(activity, options: BotJson.Options) };
        if (tokens is not null)
        {
            if (!trusted.IsTrusted(serviceUrl))
            {
                throw new InvalidOperationException("Refusing to send the bot's token to a service URL that did not arrive in an authenticated activity.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Bot Connector answered {(int)response.StatusCode} {response.ReasonPhrase} to a {activity.Type} activity.",
                null, response.StatusCode);
        }

        return await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Connector URL for an activity in <paramref name="conversationId"/>, replying to <paramref name="replyToId"/> when given.</summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return new Uri(string.IsNullOrEmpty(replyToId) ? path : $"{path}/{Uri.EscapeDataString(replyToId)}");
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Collects a turn's activities for <c>deliveryMode: expectReplies</c>, which returns them in the HTTP response.</summary>
public sealed class BufferedActivitySender : IActivitySender
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_gate)
            {
                return [.. _activities];
            }
        }
    }

    public Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _activities.Add(activity);
        }

        return Task.CompletedTask;
    }
}
