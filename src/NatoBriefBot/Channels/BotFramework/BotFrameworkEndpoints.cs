namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Registers and maps the Bot Framework endpoint <c>POST /api/messages</c>.</summary>
public static class BotFrameworkEndpoints
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints) => endpoints;
}
