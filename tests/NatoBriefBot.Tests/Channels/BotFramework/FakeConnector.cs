using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using System.Text.Json;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>A local Bot Connector service: records what the bot POSTs to
/// <c>/v3/conversations/{id}/activities[/{replyToId}]</c> and answers with a ResourceResponse, as the real one does.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _next;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>Typing activities in conversations whose id starts with this fail with 500, to exercise the turn-error handler.</summary>
    public const string FailTypingPrefix = "fail-typing";

    public ConcurrentQueue<Received> Posts { get; } = new();

    public string ServiceUrl { get; private set; } = "";

    /// <summary>One request the bot made: the raw (still escaped) path, its Authorization header and the activity.</summary>
    public sealed record Received(string RawPath, string? Authorization, JsonElement Activity, string Id)
    {
        /// <summary>When the request arrived.</summary>
        public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
    }

    public static async Task<FakeConnector> StartAsync()
    {
        var app = LoopbackApp.Create();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyToId}", (Delegate)((HttpContext c) => connector.RecordAsync(c)));
        app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)((HttpContext c) => connector.RecordAsync(c)));
        await app.StartAsync();
        connector.ServiceUrl = LoopbackApp.AddressOf(app) + "/";
        return connector;
    }

    public IReadOnlyList<Received> For(string conversationId) =>
        Posts.Where(p => p.Activity.GetProperty("conversation").GetProperty("id").GetString() == conversationId).ToList();

    private async Task<IResult> RecordAsync(HttpContext context)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var id = $"reply-{Interlocked.Increment(ref _next)}";
        var activity = doc.RootElement.Clone();
        Posts.Enqueue(new Received(raw, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, activity, id));
        var failTyping = activity.GetProperty("type").GetString() == "typing" &&
                         activity.GetProperty("conversation").GetProperty("id").GetString()!.StartsWith(FailTypingPrefix, StringComparison.Ordinal);
        return failTyping ? Results.Json(new { error = new { code = "ServiceError", message = "failing on purpose" } }, statusCode: 500) : Results.Json(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
