using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Registers and maps the Bot Framework endpoint <c>POST /api/messages</c>.</summary>
public static class BotFrameworkEndpoints
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotChannelOptions>().Bind(configuration.GetSection(BotChannelOptions.SectionName));
        services.AddSingleton<IFeedbackStore>(sp => new FeedbackStore(
            sp.GetRequiredService<EngineRoot>().Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath)));
        services.AddSingleton<IBot, BriefingBot>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints) => endpoints;
}
