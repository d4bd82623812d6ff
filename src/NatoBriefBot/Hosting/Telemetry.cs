using System.ComponentModel.DataAnnotations;
using NatoBriefBot.Core.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NatoBriefBot.Hosting;

/// <summary>Where traces and metrics go (<c>Telemetry</c> section). Off unless <see cref="OtlpEndpoint"/> is set.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP/HTTP collector, e.g. <c>http://localhost:4318</c> (an OpenTelemetry Collector, Jaeger, Aspire's
    /// dashboard). Empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often batched spans and metrics are sent.</summary>
    [Range(100, 600_000)]
    public int ExportIntervalMilliseconds { get; set; } = 5000;
}

/// <summary>OpenTelemetry for the host: a span per HTTP request with the engine's spans (<see cref="BotTelemetry"/>) and
/// Semantic Kernel's LLM spans inside it, and the engine's metrics, exported over OTLP/HTTP when a collector is configured.</summary>
public static class Telemetry
{
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return services;
        }

        if (!Uri.TryCreate(options.OtlpEndpoint.TrimEnd('/'), UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new Core.BriefBotException($"Telemetry:OtlpEndpoint '{options.OtlpEndpoint}' is not an http(s) address. Set it to your collector's OTLP/HTTP address, e.g. http://localhost:4318, or leave it empty.");
        }

        void Otlp(OtlpExporterOptions o, string signal)
        {
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + signal);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("natobriefbot"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddSource(BotTelemetry.Name)
                .AddSource("Microsoft.SemanticKernel*")
                .AddOtlpExporter(o =>
                {
                    Otlp(o, "/v1/traces");
                    o.BatchExportProcessorOptions.ScheduledDelayMilliseconds = options.ExportIntervalMilliseconds;
                }))
            .WithMetrics(m => m
                .AddMeter(BotTelemetry.Name)
                .AddOtlpExporter((o, reader) =>
                {
                    Otlp(o, "/v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalMilliseconds;
                }));
        return services;
    }
}
