using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>, as the Bot Framework adapter answers it: 400 with a reason for a malformed activity, 401 for a
/// bad token, the buffered replies for <c>deliveryMode: expectReplies</c>, and the invoke response for <c>invoke</c> activities.
/// A message is acknowledged with 200 at once and answered in the background (<see cref="BackgroundTurns"/>), its replies
/// going through the Bot Connector; other activities get 200 after their turn.
/// </summary>
internal sealed partial class MessagesEndpoint(
    IBot bot,
    IOptions<BotAuthOptions> auth,
    IOptions<RequestLimitsOptions> limits,
    IOptions<BotChannelOptions> channel,
    BotTokenValidator validator,
    BackgroundTurns turns,
    TrustedServiceUrls trusted,
    IInboundActivityLog inbound,
    IHttpClientFactory httpClients,
    IServiceProvider services,
    ILogger<MessagesEndpoint> logger)
{
    public const string ConnectorClientName = "BotConnector";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The size is checked before anything else, the token included: an unauthenticated caller cannot make the bot read more.
        var read = await JsonBody.ReadAsync<Activity>(request, limits.Value.MessagesBodyBytes, BotJson.Options, cancellationToken).ConfigureAwait(false);
        switch (read.Problem)
        {
            case BodyProblem.TooLarge:
                LogBodyTooLarge(logger, request.ContentLength, limits.Value.MessagesBodyBytes);
                return Error(read.Status, read.Message!);
            case BodyProblem.InvalidText:
                return BadRequest(read.Message!);
            case BodyProblem.InvalidJson:
                return BadRequest($"The request body is not a JSON activity: {read.Message}");
        }

        var activity = read.Value;
        if (activity is null)
        {
            return BadRequest("The request body is empty or null; send one activity as a JSON object.");
        }

        if (auth.Value.IsAuthEnabled)
        {
            var check = await validator.ValidateAsync(request.Headers.Authorization, activity.ChannelId, activity.ServiceUrl, cancellationToken)
                .ConfigureAwait(false);
            if (!check.IsValid)
            {
                LogUnauthorized(logger, check.Reason!);
                return Error(StatusCodes.Status401Unauthorized, "Unauthorized: the request's bearer token was missing or not valid for this bot.");
            }
        }

        if (ActivityValidator.Validate(activity) is { } reason)
        {
            return BadRequest(reason);
        }

        if (!auth.Value.IsAuthEnabled && !IsAllowedWithoutAuth(new Uri(activity.ServiceUrl!)))
        {
            return BadRequest("Without authentication the bot only replies to service URLs on this machine (loopback). "
                + "Add the host to Bot:AllowedServiceUrlHosts, or turn authentication on with MicrosoftAppId.");
        }

        if (auth.Value.IsAuthEnabled)
        {
            trusted.Add(activity.ServiceUrl!);
        }

        if (IInboundActivityLog.KeyOf(activity) is { } key && !await inbound.TryClaimAsync(key, cancellationToken).ConfigureAwait(false))
        {
            // A retry of an activity already taken (by this instance or another): acknowledge it, answer it once.
            LogRepeat(logger, activity.Type, activity.ChannelId);
            return Results.Ok();
        }

        if (activity.DeliveryMode == "expectReplies")
        {
            var buffer = new BufferedActivitySender();
            var invoke = await bot.OnTurnAsync(activity, buffer, cancellationToken).ConfigureAwait(false);
            return activity.Type == "invoke"
                ? InvokeResult(invoke)
                : Results.Json(new { activities = buffer.Activities }, BotJson.Options);
        }

        var sender = new ConnectorActivitySender(
            httpClients.CreateClient(ConnectorClientName),
            auth.Value.IsAuthEnabled ? services.GetRequiredService<IConnectorTokenProvider>() : null,
            trusted);
        if (activity.Type == "message")
        {
            if (turns.TryQueue(activity, sender))
            {
                return Results.Ok();
            }

            LogQueueFull(logger, activity.ChannelId);
            return Error(StatusCodes.Status503ServiceUnavailable, "The bot is busy answering other questions. Try again in a moment.");
        }

        try
        {
            var invoke = await bot.OnTurnAsync(activity, sender, cancellationToken).ConfigureAwait(false);
            return activity.Type == "invoke" ? InvokeResult(invoke) : Results.Ok();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReplyFailed(logger, ex, activity.Type, activity.ChannelId);
            return Error(StatusCodes.Status502BadGateway, "The bot could not deliver its reply to the channel. Try again later.");
        }
    }

    private bool IsAllowedWithoutAuth(Uri serviceUrl) =>
        serviceUrl.IsLoopback || channel.Value.AllowedServiceUrlHosts.Contains(serviceUrl.IdnHost, StringComparer.OrdinalIgnoreCase);

    private static IResult InvokeResult(InvokeResponse? invoke) => invoke is null
        ? Results.StatusCode(501)
        : invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);

    private static IResult BadRequest(string reason) => Error(StatusCodes.Status400BadRequest, reason);

    private static IResult Error(int status, string reason) => Results.Json(new { error = reason }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected /api/messages with 413: the body (declared length {Length}) is over the {Limit}-byte limit")]
    private static partial void LogBodyTooLarge(ILogger logger, long? length, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected /api/messages with 401: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a repeated {Type} activity on {Channel}: it was already taken")]
    private static partial void LogRepeat(ILogger logger, string? type, string? channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a message on {Channel} with 503: the turn queue is full")]
    private static partial void LogQueueFull(ILogger logger, string? channel);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver a reply to a {Type} activity on channel {Channel}")]
    private static partial void LogReplyFailed(ILogger logger, Exception ex, string? type, string? channel);
}
