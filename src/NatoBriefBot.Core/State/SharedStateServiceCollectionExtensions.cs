using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Core.State;

/// <summary>Registers <see cref="SharedStateOptions"/> and, when <c>ConnectionStrings:Redis</c> is set, the one <see cref="RedisState"/>.</summary>
public static class SharedStateServiceCollectionExtensions
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SharedStateOptions>()
            .Bind(configuration.GetSection(SharedStateOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration[SharedStateOptions.ConnectionStringKey] ?? string.Empty)
            .ValidateDataAnnotations()
            .Validate(o => !o.IsEnabled || CanParse(o.ConnectionString), SharedStateOptions.NotAConnectionString)
            .ValidateOnStart();
        services.TryAddSingleton<RedisState>();
        return services;
    }

    private static bool CanParse(string connectionString)
    {
        try
        {
            _ = RedisState.Parse(connectionString);
            return true;
        }
        catch (BriefBotException)
        {
            return false;
        }
    }
}
