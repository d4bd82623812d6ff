using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;
using NatoBriefBot.Core;
using NatoBriefBot.Core.State;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Registers and maps the Bot Framework endpoint <c>POST /api/messages</c>.</summary>
public static class BotFrameworkEndpoints
{
    /// <summary>Registers <see cref="IBot"/> (<see cref="BriefingBot"/>), the feedback store, authentication
    /// (settings at the configuration root, checked at start-up) and the Bot Connector client.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotChannelOptions>().Bind(configuration.GetSection(BotChannelOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotAuthOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        if (SharedStateOptions.IsConfigured(configuration))
        {
            services.AddSingleton<IFeedbackStore, RedisFeedbackStore>();
            services.AddSingleton<IInboundActivityLog, RedisInboundActivityLog>();
            services.AddSingleton<IWelcomedConversations, RedisWelcomedConversations>();
        }
        else
        {
            services.AddSingleton<IFeedbackStore>(sp => new FeedbackStore(
                sp.GetRequiredService<EngineRoot>().Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath)));
            services.AddSingleton<IInboundActivityLog, InboundActivityLog>();
            services.AddSingleton<IWelcomedConversations, WelcomedConversations>();
        }

        services.AddSingleton<IBot, BriefingBot>();
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());

        services.AddHttpClient(MessagesEndpoint.ConnectorClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(nameof(BotTokenValidator))
            .ConfigureHttpClient((sp, c) => c.Timeout = MetadataTimeout(sp))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler { ConnectTimeout = MetadataTimeout(sp) });
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton<MessagesEndpoint>();
        return services;
    }

    private static TimeSpan MetadataTimeout(IServiceProvider services) =>
        TimeSpan.FromSeconds(services.GetRequiredService<IOptions<BotAuthOptions>>().Value.OpenIdMetadataTimeoutSeconds);

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpRequest request, MessagesEndpoint endpoint, CancellationToken ct) => endpoint.HandleAsync(request, ct));
        return endpoints;
    }
}
