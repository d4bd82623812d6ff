using Microsoft.Extensions.Options;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Readiness of the index: it opens and passes SQLite's quick check. A damaged, locked or unreadable index makes
/// <c>/healthz</c> answer 503 with the reason, so a load balancer stops sending questions that would fail.
/// The check reads every page, so a good result is reused for <see cref="RecheckAfter"/>.
/// </summary>
internal sealed class IndexHealthCheck(IServiceProvider services, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(30);

    private long _goodUntilTicks;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (clock.GetUtcNow().UtcTicks < Volatile.Read(ref _goodUntilTicks))
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        try
        {
            services.GetRequiredService<BriefingStore>().Verify();
            Volatile.Write(ref _goodUntilTicks, (clock.GetUtcNow() + RecheckAfter).UtcTicks);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (BriefBotException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }
    }
}

/// <summary>Registers and maps the health endpoints: <c>/healthz</c> (ready: the index is usable) and <c>/healthz/live</c> (the
/// process answers); and turns an unusable index met by any request into 503 with the reason, not a 500.</summary>
public static class HealthEndpoints
{
    /// <summary>Seconds a client is asked to wait before retrying while the index is unusable.</summary>
    private const string RetryAfterSeconds = "30";

    public static IApplicationBuilder UseIndexUnavailableResponses(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (BriefBotException ex) when ((ex is IndexUnavailableException or Core.State.SharedStateUnavailableException) && !http.Response.HasStarted)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HealthEndpoints)).LogError("{Problem}", ex.Message);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            await http.Response.WriteAsJsonAsync(new { error = ex.Message }, http.RequestAborted).ConfigureAwait(false);
        }
    });

    /// <summary>Pins each request to one index snapshot (<see cref="BriefingStore.PinSnapshot"/>), so a snapshot published
    /// while it runs cannot mix into its answer; turns the request starts in the background keep the same snapshot.</summary>
    public static IApplicationBuilder UseIndexSnapshotPerRequest(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // Only in a snapshot folder: the store is not even opened here otherwise (a damaged index must not fail /healthz/live).
        var snapshots = !string.IsNullOrWhiteSpace(http.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value.SnapshotFolder);
        IDisposable? pin = null;
        try
        {
            pin = snapshots ? http.RequestServices.GetRequiredService<BriefingStore>().PinSnapshot() : null;
        }
        catch (IndexUnavailableException)
        {
            // Nothing published yet: requests that need the index say so (503).
        }

        using (pin)
        {
            await next(http).ConfigureAwait(false);
        }
    });

    public static IServiceCollection AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<IndexHealthCheck>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary><c>{"status":"ok"}</c>, or <c>{"status":"unhealthy","problems":["..."]}</c> with what to do.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        object body = report.Status == HealthStatus.Healthy
            ? new { status = "ok" }
            : new { status = "unhealthy", problems = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description) };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
