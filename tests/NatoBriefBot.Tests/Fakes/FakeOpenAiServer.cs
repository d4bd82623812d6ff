using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NatoBriefBot.Tests.Fakes;

/// <summary>One message of a recorded chat request.</summary>
public sealed record FakeChatMessage(string Role, string Content);

/// <summary>What the fake server received in one chat-completions request.</summary>
public sealed record FakeChatRequest(
    string Path,
    string Query,
    string? Authorization,
    string? ApiKeyHeader,
    string? Model,
    bool Stream,
    double? Temperature,
    IReadOnlyList<FakeChatMessage> Messages)
{
    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    public string User => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));
}

/// <summary>How the fake server answers one request: reply text, or an HTTP error status, optionally after a delay.</summary>
public sealed record FakeChatReply(string Content, int Status = 200, TimeSpan Delay = default, string? RawBody = null)
{
    /// <summary>Characters per streamed chunk.</summary>
    public int ChunkChars { get; init; } = 7;

    /// <summary>A slow model: the wait before each streamed chunk (a reply that is not streamed waits for all of them first).</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary><paramref name="content"/> written slowly: <paramref name="chunkChars"/> characters every <paramref name="chunkDelay"/>.</summary>
    public static FakeChatReply Slow(string content, TimeSpan chunkDelay, int chunkChars = 7) =>
        new(content) { ChunkDelay = chunkDelay, ChunkChars = chunkChars };

    /// <summary>The text in parts (e.g. sentences) when each part takes the same time to write, whatever its length.</summary>
    public IReadOnlyList<string>? Parts { get; init; }

    /// <summary>How long each of <see cref="Parts"/> takes to write.</summary>
    public TimeSpan PartTime { get; init; }

    /// <summary><paramref name="parts"/> written one after another, each in <paramref name="perPart"/> (in chunks of
    /// <paramref name="chunkChars"/> characters), so when each part is finished does not depend on how long it is.</summary>
    public static FakeChatReply Paced(IReadOnlyList<string> parts, TimeSpan perPart, int chunkChars = 7) =>
        new(string.Concat(parts)) { Parts = parts, PartTime = perPart, ChunkChars = chunkChars };

    /// <summary>Sends <paramref name="body"/> as it is (status 200, JSON content type), e.g. to mimic a broken gateway.</summary>
    public static FakeChatReply Raw(string body) => new(string.Empty, 200, default, body);

    public static FakeChatReply Text(string content) => new(content);

    public static FakeChatReply Error(int status) => new(string.Empty, status);

    public static FakeChatReply Hang(TimeSpan delay) => new(string.Empty, 200, delay);
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) speaking the OpenAI chat-completions wire format, for the hosted model we can't
/// reach from tests: <c>POST /v1/chat/completions</c>, Azure OpenAI's <c>/openai/deployments/{d}/chat/completions?api-version=…</c>
/// and its v1 path <c>/openai/v1/chat/completions</c>. It answers with one JSON <c>chat.completion</c>, or with
/// <c>chat.completion.chunk</c> server-sent events ending in <c>data: [DONE]</c> when the request says <c>"stream": true</c>
/// (slowly, one chunk every <see cref="FakeChatReply.ChunkDelay"/>, for a model that takes seconds to write).
/// Replies are scripted per test (<see cref="Enqueue"/>, then <see cref="Responder"/>, then <see cref="DefaultReply"/>); every request is recorded.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeChatReply> _script = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The OpenAI-style base address, http://127.0.0.1:{port}/v1</summary>
    public string OpenAiEndpoint => new Uri(BaseAddress, "/v1").ToString();

    public ConcurrentQueue<FakeChatRequest> Requests { get; } = new();

    /// <summary>Computes the answer from the request once the script is used up (e.g. to quote what the prompt holds).</summary>
    public Func<FakeChatRequest, FakeChatReply>? Responder { get; set; }

    /// <summary>The answer once the script is used up and there is no <see cref="Responder"/>.</summary>
    public FakeChatReply DefaultReply { get; set; } = FakeChatReply.Text("NOT_IN_BRIEFINGS");

    /// <summary>Every reply waits for this task first (then for its own <see cref="FakeChatReply.Delay"/>): a test holds the model
    /// "thinking" for as long as it needs to see what the bot does meanwhile, without guessing durations.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", (Delegate)server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (Delegate)server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First() + "/");
        return server;
    }

    /// <summary>Queues the answers to the next requests, in order.</summary>
    public FakeOpenAiServer Enqueue(params FakeChatReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    public FakeOpenAiServer Enqueue(string content) => Enqueue(FakeChatReply.Text(content));

    public FakeChatRequest Single() => Assert.Single(Requests);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                   ?? throw new InvalidOperationException("The request body is not a JSON object.");
        var deployment = context.Request.RouteValues["deployment"] as string;
        var stream = body["stream"]?.GetValue<bool>() ?? false;
        var messages = (body["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => new FakeChatMessage(m["role"]?.GetValue<string>() ?? string.Empty, ContentOf(m["content"])))
            .ToList();
        var received = new FakeChatRequest(
            context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers["api-key"].FirstOrDefault(),
            body["model"]?.GetValue<string>() ?? deployment,
            stream,
            body["temperature"]?.GetValue<double>(),
            messages);
        Requests.Enqueue(received);

        var reply = _script.TryDequeue(out var next) ? next : Responder?.Invoke(received) ?? DefaultReply;
        if (reply.Delay > TimeSpan.Zero || !Gate.IsCompleted)
        {
            try
            {
                await Gate.WaitAsync(context.RequestAborted);
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var model = body["model"]?.GetValue<string>() ?? deployment ?? "fake-model";
        if (reply.Status != 200)
        {
            context.Response.StatusCode = reply.Status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "The fake model failed as scripted.", type = "server_error", param = (string?)null, code = (string?)null } });
            return;
        }

        if (reply.RawBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.RawBody);
            return;
        }

        if (stream)
        {
            await StreamAsync(context, model, reply, body["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false);
            return;
        }

        if (!await WaitAsync(Chunks(reply).Aggregate(TimeSpan.Zero, (sum, chunk) => sum + chunk.Delay), context.RequestAborted))
        {
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    /// <summary>The streamed pieces of the reply, each with the wait before it.</summary>
    private static IEnumerable<(string Piece, TimeSpan Delay)> Chunks(FakeChatReply reply)
    {
        foreach (var part in reply.Parts ?? [reply.Content])
        {
            var count = (part.Length + reply.ChunkChars - 1) / reply.ChunkChars;
            var delay = reply.Parts is null ? reply.ChunkDelay : reply.PartTime / Math.Max(1, count);
            for (var i = 0; i < part.Length; i += reply.ChunkChars)
            {
                yield return (part.Substring(i, Math.Min(reply.ChunkChars, part.Length - i)), delay);
            }
        }
    }

    /// <summary>False when the client went away meanwhile.</summary>
    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(delay, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task StreamAsync(HttpContext context, string model, FakeChatReply reply, bool includeUsage)
    {
        context.Response.ContentType = "text/event-stream";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        async Task SendAsync(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        object Chunk(object delta, string? finish) => new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion.chunk",
            created,
            model,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
        };

        await SendAsync(Chunk(new { role = "assistant", content = string.Empty }, null));
        foreach (var (piece, delay) in Chunks(reply))
        {
            if (!await WaitAsync(delay, context.RequestAborted))
            {
                return;
            }

            await SendAsync(Chunk(new { content = piece }, null));
        }

        await SendAsync(Chunk(new { }, "stop"));
        if (includeUsage)
        {
            await SendAsync(new { id = "chatcmpl-fake", @object = "chat.completion.chunk", created, model, choices = Array.Empty<object>(), usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 } });
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Content is a string, or an array of parts whose text parts are joined.</summary>
    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };
}
