using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Hosting;

/// <summary>Registers the body-size limits and the per-client rate limits (ASP.NET Core's rate limiter) of section <c>Limits</c>.</summary>
public static class RequestLimits
{
    /// <summary>Policy of <c>POST /api/ask</c>.</summary>
    public const string AskPolicy = "ask";

    /// <summary>Policy of Direct Line token minting (<c>tokens/generate</c>, <c>tokens/refresh</c>).</summary>
    public const string TokensPolicy = "directline-tokens";

    /// <summary>Policy of posting Direct Line activities.</summary>
    public const string PostsPolicy = "directline-posts";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(AskPolicy, http => PerClient(http, o => o.AskPerMinute));
            limiter.AddPolicy(TokensPolicy, http => PerClient(http, o => o.TokensPerMinute));
            limiter.AddPolicy(PostsPolicy, http => PerClient(http, o => o.PostsPerMinute));
        });
        return services;
    }

    /// <summary>A fixed one-minute window per client IP address.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext http, Func<RequestLimitsOptions, int> permits)
    {
        var limit = permits(http.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value);
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests from your address. Please wait {seconds} seconds and try again.";
        object body = context.HttpContext.Request.Path.StartsWithSegments(Channels.DirectLine.DirectLineEndpoints.Prefix, StringComparison.Ordinal)
            ? new { error = new { code = "TooManyRequests", message } }
            : new { error = message };
        await response.WriteAsJsonAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
