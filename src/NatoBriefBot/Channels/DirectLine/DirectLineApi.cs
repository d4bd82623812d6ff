using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST calls that directlinejs and Web Chat make: tokens, start, reconnect, post and poll.
/// Every conversation call needs <c>Authorization: Bearer &lt;token&gt;</c> for that conversation.
/// </summary>
public sealed class DirectLineApi(DirectLineTokens tokens, IDirectLineStore store, DirectLineTurns turns, Microsoft.Extensions.Options.IOptions<DirectLineOptions> options)
{
    private const int MaxUserIdLength = 128;

    /// <summary><c>POST /tokens/generate</c>: a token for a new conversation, optionally for the user in <c>{user:{id,name}}</c>.</summary>
    public async Task<IResult> GenerateTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, error) = await ReadOptionalAsync<StartRequest>(request, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var userId = body?.User?.Id;
        if (userId is not null && (userId.Length is 0 or > MaxUserIdLength || userId.Any(char.IsControl)))
        {
            return DirectLineErrors.BadArgument($"user.id must be 1 to {MaxUserIdLength} printable characters.");
        }

        var conversationId = NewId(16);
        var token = tokens.Issue(conversationId, userId ?? "dl_" + NewId(12), body?.User?.Name);
        return Results.Json(new TokenResponse(conversationId, token, ExpiresIn(), null));
    }

    /// <summary><c>POST /tokens/refresh</c>: the same grant with a new expiry. An expired token cannot be refreshed.</summary>
    public async Task<IResult> RefreshTokenAsync(HttpRequest request)
    {
        var (grant, error) = await AuthorizeAsync(request, null).ConfigureAwait(false);
        return grant is null ? error! : Results.Json(new TokenResponse(grant.ConversationId, Reissue(grant), ExpiresIn(), null));
    }

    /// <summary><c>POST /conversations</c>: starts the token's conversation (201) or returns it when already started (200).
    /// A new conversation tells the bot the user joined, which brings the welcome.</summary>
    public async Task<IResult> StartConversationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grant, error) = await AuthorizeAsync(request, null).ConfigureAwait(false);
        if (grant is null)
        {
            return error!;
        }

        var (body, bodyError) = await ReadOptionalAsync<StartRequest>(request, cancellationToken).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var (conversation, created) = await store.StartAsync(grant.ConversationId, grant.UserId, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            var bot = BotAccount();
            var user = new ChannelAccount { Id = grant.UserId, Name = grant.UserName, Role = "user" };
            turns.Enqueue(conversation, new Activity
            {
                Type = "conversationUpdate",
                Id = $"{conversation.Id}|start",
                Timestamp = DateTimeOffset.UtcNow,
                ChannelId = DirectLineEndpoints.ChannelId,
                ServiceUrl = BaseUrl(request),
                Conversation = new ConversationAccount { Id = conversation.Id },
                From = user,
                Recipient = bot,
                Locale = body?.Locale,
                MembersAdded = [bot with { Role = null }, user with { Role = null }],
            }, bot);
        }

        var response = ConversationResponse(request, grant, 0);
        return created ? Results.Json(response, statusCode: StatusCodes.Status201Created) : Results.Json(response);
    }

    /// <summary><c>GET /conversations/{id}?watermark=</c>: a fresh token and stream URL for a running conversation.</summary>
    public async Task<IResult> ReconnectAsync(string conversationId, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grant, error) = await AuthorizeAsync(request, conversationId).ConfigureAwait(false);
        if (grant is null)
        {
            return error!;
        }

        if (!TryReadWatermark(request, out var watermark))
        {
            return DirectLineErrors.BadArgument("watermark must be a whole number from an earlier response.");
        }

        return await store.FindAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false) is null ? ConversationGone() : Results.Json(ConversationResponse(request, grant, watermark));
    }

    /// <summary><c>GET /conversations/{id}/activities?watermark=</c>: what happened since the watermark.</summary>
    public async Task<IResult> GetActivitiesAsync(string conversationId, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grant, error) = await AuthorizeAsync(request, conversationId).ConfigureAwait(false);
        if (grant is null)
        {
            return error!;
        }

        if (!TryReadWatermark(request, out var watermark))
        {
            return DirectLineErrors.BadArgument("watermark must be a whole number from an earlier response.");
        }

        if (await store.FindAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false) is not { } conversation)
        {
            return ConversationGone();
        }

        var set = await conversation.ReadAfterAsync(watermark, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Json(new ActivitySetResponse(set.Activities, set.Watermark.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
    }

    /// <summary><c>POST /conversations/{id}/activities</c>: stores the user's activity (what the client sees echoed back,
    /// <c>channelData.clientActivityID</c> and all), queues the bot's turn and returns the new id.</summary>
    public async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (grant, error) = await AuthorizeAsync(request, conversationId).ConfigureAwait(false);
        if (grant is null)
        {
            return error!;
        }

        var maxBytes = options.Value.MaxActivityBytes;
        var read = await JsonBody.ReadAsync<Activity>(request, maxBytes, BotJson.Options, cancellationToken).ConfigureAwait(false);
        if (read.Problem != BodyProblem.None)
        {
            return read.Problem switch
            {
                BodyProblem.TooLarge => TooBig(maxBytes),
                BodyProblem.InvalidJson => DirectLineErrors.BadArgument($"The request body is not a JSON activity: {read.Message}"),
                _ => DirectLineErrors.BadArgument(read.Message!),
            };
        }

        var posted = read.Value;
        if (posted is null || string.IsNullOrWhiteSpace(posted.Type))
        {
            return DirectLineErrors.BadArgument("Send one activity as a JSON object with a type, for example {\"type\":\"message\",\"text\":\"...\"}.");
        }

        if (await store.FindAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return ConversationGone();
        }

        var bot = BotAccount();
        var stored = await conversation.AppendAsync(posted with
        {
            ChannelId = DirectLineEndpoints.ChannelId,
            ServiceUrl = BaseUrl(request),
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = (posted.From ?? new ChannelAccount()) with
            {
                Id = grant.UserId,
                Name = posted.From?.Name ?? grant.UserName,
                Role = posted.From?.Role ?? "user",
            },
            Recipient = bot,
        }, cancellationToken, startsTurn: true).ConfigureAwait(false);
        turns.Enqueue(conversation, stored, bot);
        return Results.Json(new { id = stored.Id });
    }

    private async Task<(DirectLineGrant? Grant, IResult? Error)> AuthorizeAsync(HttpRequest request, string? conversationId)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var check = await tokens.CheckAsync(token).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return (null, check.Expired ? DirectLineErrors.TokenExpired(check.Problem!) : DirectLineErrors.Unauthorized(check.Problem!));
        }

        if (conversationId is not null && !string.Equals(check.Grant!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, DirectLineErrors.Forbidden("This token belongs to another conversation."));
        }

        return (check.Grant, null);
    }

    private static async Task<(T? Body, IResult? Error)> ReadOptionalAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        const int maxBytes = 16 * 1024;
        if (!JsonBody.Limit(request, maxBytes))
        {
            return (default, TooBig(maxBytes));
        }

        string text;
        try
        {
            using var reader = new StreamReader(request.Body);
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooBig(maxBytes));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (default, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(text, BotJson.Options), null);
        }
        catch (JsonException ex)
        {
            return (default, DirectLineErrors.BadArgument(JsonBody.IsInvalidText(ex) ? JsonBody.InvalidTextMessage : $"The request body is not valid JSON: {ex.Message}"));
        }
    }

    private static bool TryReadWatermark(HttpRequest request, out long watermark)
    {
        var text = request.Query["watermark"].ToString();
        watermark = 0;
        return text.Length == 0 || text == "-" || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    private TokenResponse ConversationResponse(HttpRequest request, DirectLineGrant grant, long watermark)
    {
        var token = Reissue(grant);
        var ws = request.Scheme == "https" ? "wss" : "ws";
        var streamUrl = $"{ws}://{request.Host}{request.PathBase}{DirectLineEndpoints.Prefix}/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream"
            + $"?watermark={watermark.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(token)}";
        return new TokenResponse(grant.ConversationId, token, ExpiresIn(), streamUrl);
    }

    private string Reissue(DirectLineGrant grant) => tokens.Issue(grant.ConversationId, grant.UserId, grant.UserName);

    private int ExpiresIn() => (int)Math.Ceiling(tokens.Lifetime.TotalSeconds);

    private ChannelAccount BotAccount() => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static IResult TooBig(int maxBytes) =>
        DirectLineErrors.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", JsonBody.TooLargeMessage(maxBytes));

    private static IResult ConversationGone() =>
        DirectLineErrors.NotFound("This conversation has ended or expired. Reload the page to start a new one.");

    private static string NewId(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
