using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NatoBriefBot.Benchmarks;

/// <summary>How hard <see cref="HostileAttack"/> pushes.</summary>
/// <param name="Clients">Concurrent senders; each sends an oversized body with and without Content-Length to
/// <c>/api/messages</c> and <c>/api/ask</c>, then a small activity with a bogus token and a body that is not JSON.</param>
/// <param name="BodyBytes">Size of each oversized body.</param>
/// <param name="Conversations">Direct Line conversations, each posting <paramref name="Posts"/> activities, alternately
/// <paramref name="LargeActivityBytes"/> and <paramref name="SmallActivityBytes"/> long.</param>
internal sealed record HostileLoad(int Clients, long BodyBytes, int Conversations, int Posts, int LargeActivityBytes, int SmallActivityBytes)
{
    /// <summary>The attack of issue 8: 20 clients with 26 MB bodies, 4 Direct Line conversations posting 250 KB activities.</summary>
    public static HostileLoad Issue8 { get; } = new(20, 26L * 1024 * 1024, 4, 30, 250 * 1024, 48 * 1024);
}

/// <summary>
/// Oversized and malformed bodies from many clients at once, sent to the running bot as an attacker without a valid token
/// would send them. The bodies are generated while they are sent, so the sender's own memory stays flat.
/// </summary>
internal static class HostileAttack
{
    public const string Messages = "messages";
    public const string Ask = "ask";
    public const string DirectLine = "directline";

    /// <summary>The targets in the order they are reported; a body sent without Content-Length counts under its endpoint + <c>-chunked</c>.</summary>
    public static readonly string[] Targets = [Messages, Chunked(Messages), Ask, Chunked(Ask), DirectLine];

    private const string ActivityPrefix = "{\"type\":\"message\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\","
        + "\"conversation\":{\"id\":\"hostile\"},\"from\":{\"id\":\"29:attacker\"},\"recipient\":{\"id\":\"28:bot\"},\"text\":\"";

    public static async Task<HostileOutcome> RunAsync(HttpClient http, HostileLoad load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        var outcome = new HostileOutcome();
        var senders = Enumerable.Range(0, load.Clients).Select(_ => Task.Run(() => SendBodiesAsync(http, load, outcome, ct), ct))
            .Concat(Enumerable.Range(0, load.Conversations).Select(_ => Task.Run(() => PostActivitiesAsync(http, load, outcome, ct), ct)));
        await Task.WhenAll(senders).ConfigureAwait(false);
        return outcome;
    }

    private static async Task SendBodiesAsync(HttpClient http, HostileLoad load, HostileOutcome outcome, CancellationToken ct)
    {
        foreach (var sized in new[] { true, false })
        {
            await outcome.SendAsync(http, sized ? Messages : Chunked(Messages),
                Post("/api/messages", new HostileBody(ActivityPrefix, "\"}", load.BodyBytes, sized, outcome.AddSent)), ct).ConfigureAwait(false);
            await outcome.SendAsync(http, sized ? Ask : Chunked(Ask),
                Post("/api/ask", new HostileBody("{\"question\":\"", "\"}", load.BodyBytes, sized, outcome.AddSent)), ct).ConfigureAwait(false);
        }

        var unsigned = Post("/api/messages", new StringContent(ActivityPrefix + "Who leads NATO?\"}", Encoding.UTF8, "application/json"));
        unsigned.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await outcome.SendAsync(http, Messages, unsigned, ct).ConfigureAwait(false);
        await outcome.SendAsync(http, Messages, Post("/api/messages", new StringContent("{\"type\":", Encoding.UTF8, "application/json")), ct)
            .ConfigureAwait(false);
    }

    private static async Task PostActivitiesAsync(HttpClient http, HostileLoad load, HostileOutcome outcome, CancellationToken ct)
    {
        var (conversation, token) = await StartConversationAsync(http, ct).ConfigureAwait(false);
        for (var i = 0; i < load.Posts; i++)
        {
            var bytes = i % 2 == 0 ? load.LargeActivityBytes : load.SmallActivityBytes;
            var post = Post($"/v3/directline/conversations/{conversation}/activities", new HostileBody("{\"type\":\"message\",\"text\":\"", "\"}", bytes, true, outcome.AddSent));
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await outcome.SendAsync(http, DirectLine, post, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A Direct Line token and its started conversation, as Web Chat gets them.</summary>
    private static async Task<(string Conversation, string Token)> StartConversationAsync(HttpClient http, CancellationToken ct)
    {
        using var generated = await http.PostAsync("/v3/directline/tokens/generate", null, ct).ConfigureAwait(false);
        generated.EnsureSuccessStatusCode();
        var token = (await generated.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false)).GetProperty("token").GetString();
        using var start = Post("/v3/directline/conversations", new StringContent("{}", Encoding.UTF8, "application/json"));
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start, ct).ConfigureAwait(false);
        started.EnsureSuccessStatusCode();
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
        return (conversation.GetProperty("conversationId").GetString()!, conversation.GetProperty("token").GetString()!);
    }

    public static string Chunked(string target) => target + "-chunked";

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };
}

/// <summary>What the bot answered, counted per target and status. <c>closed</c>: the bot closed the connection on a body over
/// its limit while the client was still sending, so the client never read the 413.</summary>
internal sealed class HostileOutcome
{
    public const string Closed = "closed";

    private readonly ConcurrentDictionary<(string Target, string Status), int> _counts = new();
    private long _bytesSent;

    /// <summary>Body bytes written to the bot (a body refused early is cut short).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>The distinct statuses seen, e.g. <c>413</c>, <c>429</c>, <c>closed</c>.</summary>
    public IReadOnlySet<string> Statuses => _counts.Keys.Select(k => k.Status).ToHashSet(StringComparer.Ordinal);

    public int Count(string target, string status) => _counts.GetValueOrDefault((target, status));

    public void AddSent(long bytes) => Interlocked.Add(ref _bytesSent, bytes);

    /// <summary>Sends <paramref name="request"/> (and disposes it) and counts its status under <paramref name="target"/>.</summary>
    public async Task SendAsync(HttpClient http, string target, HttpRequestMessage request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        string status;
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                status = Closed;
            }
        }

        _counts.AddOrUpdate((target, status), 1, (_, n) => n + 1);
    }

    /// <summary>E.g. <c>messages 400=20 401=20 413=20 | messages-chunked 413=20 | ask 413=20 | ask-chunked 413=12 closed=8 | directline 200=30 413=30 429=60</c>.</summary>
    public override string ToString() => string.Join(" | ", _counts
        .GroupBy(c => c.Key.Target, StringComparer.Ordinal)
        .OrderBy(g => Array.IndexOf(HostileAttack.Targets, g.Key))
        .Select(g => g.Key + " " + string.Join(' ', g.OrderBy(c => c.Key.Status, StringComparer.Ordinal).Select(c => $"{c.Key.Status}={c.Value}"))));
}
