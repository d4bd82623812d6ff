using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// The WebSocket <c>streamUrl</c>: sends <c>{"activities":[...],"watermark":"n"}</c> whenever the conversation gets
/// new activities, and ignores what the client sends (directlinejs pings with empty messages). The token comes in
/// the <c>t</c> query parameter, as in the URL <c>POST /conversations</c> returned.
/// </summary>
public sealed class DirectLineStream(DirectLineTokens tokens, IDirectLineStore store, IHostApplicationLifetime lifetime)
{
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    public async Task<IResult> HandleAsync(string conversationId, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.BadArgument("The stream URL needs a WebSocket connection.");
        }

        var check = await tokens.CheckAsync(context.Request.Query["t"].ToString()).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return check.Expired ? DirectLineErrors.TokenExpired(check.Problem!) : DirectLineErrors.Unauthorized(check.Problem!);
        }

        if (!string.Equals(check.Grant!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineErrors.Forbidden("This token belongs to another conversation.");
        }

        if (await store.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is not { } conversation)
        {
            return DirectLineErrors.NotFound("This conversation has ended or expired. Reload the page to start a new one.");
        }

        _ = long.TryParse(context.Request.Query["watermark"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var watermark);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var reading = DrainAsync(socket, closed);
        try
        {
            await PumpAsync(socket, conversation, conversationId, watermark, closed.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or Core.State.SharedStateUnavailableException)
        {
            // The client went away, the host is stopping or the shared store is down (the client reconnects and resumes
            // from its watermark).
        }

        await closed.CancelAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "conversation ended", CancellationToken.None).ConfigureAwait(false);
        }

        return Results.Empty;
    }

    private async Task PumpAsync(WebSocket socket, IDirectLineConversation conversation, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            var set = await conversation.ReadAfterAsync(watermark, cancellationToken).ConfigureAwait(false);
            if (set.Activities.Count > 0)
            {
                watermark = set.Watermark;
                var payload = JsonSerializer.SerializeToUtf8Bytes(
                    new ActivitySetResponse(set.Activities, watermark.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
                await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await set.MoreArrived.WaitAsync(RecheckEvery, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                if (await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is null)
                {
                    return;
                }
            }
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing is handled below.
        }

        await closed.CancelAsync().ConfigureAwait(false);
    }
}
