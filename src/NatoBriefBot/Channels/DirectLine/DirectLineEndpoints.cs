using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.State;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>Registers and maps the Direct Line 3.0-compatible endpoint <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    /// <summary>The route prefix, as clients pass it to directlinejs as <c>domain</c>.</summary>
    public const string Prefix = "/v3/directline";

    /// <summary>The channel id of every Direct Line conversation, as Web Chat expects it.</summary>
    public const string ChannelId = "webchat";

    /// <summary>Registers tokens, the conversation store and the turn runner; settings in section <c>DirectLine</c>.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationStore>();
        if (SharedStateOptions.IsConfigured(configuration))
        {
            services.AddSingleton<IDirectLineSigningKey, RedisDirectLineSigningKey>();
            services.AddSingleton<IDirectLineStore, RedisDirectLineStore>();
        }
        else
        {
            services.AddSingleton<IDirectLineSigningKey, DirectLineSigningKey>();
            services.AddSingleton<IDirectLineStore>(sp => sp.GetRequiredService<ConversationStore>());
        }

        services.AddSingleton<DirectLineTurns>();
        services.AddSingleton<DirectLineApi>();
        services.AddSingleton<DirectLineStream>();
        return services;
    }

    /// <summary>Maps token, conversation, activity and stream routes under <see cref="Prefix"/>.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);
        group.MapPost("/tokens/generate", (HttpRequest r, DirectLineApi api, CancellationToken ct) => api.GenerateTokenAsync(r, ct))
            .RequireRateLimiting(RequestLimits.TokensPolicy);
        group.MapPost("/tokens/refresh", (HttpRequest r, DirectLineApi api) => api.RefreshTokenAsync(r))
            .RequireRateLimiting(RequestLimits.TokensPolicy);
        group.MapPost("/conversations", (HttpRequest r, DirectLineApi api, CancellationToken ct) => api.StartConversationAsync(r, ct));
        group.MapGet("/conversations/{conversationId}", (string conversationId, HttpRequest r, DirectLineApi api) =>
            api.ReconnectAsync(conversationId, r));
        group.MapGet("/conversations/{conversationId}/activities", (string conversationId, HttpRequest r, DirectLineApi api) =>
            api.GetActivitiesAsync(conversationId, r));
        group.MapPost("/conversations/{conversationId}/activities", (string conversationId, HttpRequest r, DirectLineApi api, CancellationToken ct) =>
            api.PostActivityAsync(conversationId, r, ct))
            .RequireRateLimiting(RequestLimits.PostsPolicy);
        group.MapPost("/conversations/{conversationId}/upload", () => DirectLineErrors.BadArgument(
            "This bot does not accept file uploads. Ask your question as text instead."));
        group.Map("/conversations/{conversationId}/stream", (string conversationId, HttpContext context, DirectLineStream stream) =>
            stream.HandleAsync(conversationId, context));
        return endpoints;
    }
}
