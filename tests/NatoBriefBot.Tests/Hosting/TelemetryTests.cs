using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Hosting;

/// <summary>Traces and metrics go to an OTLP/HTTP collector when one is configured: a local one here, receiving the real
/// protobuf requests the exporter sends.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Ask_CollectorConfigured_TurnSpansAndDurationMetricsExportedOverOtlpHttp()
    {
        var received = new ConcurrentQueue<(string Path, string ContentType, byte[] Body)>();
        await using var collector = LoopbackApp.Create();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue((request.Path, request.ContentType ?? string.Empty, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        await using var bot = await RunningBot.StartAsync(
            $"--Telemetry:OtlpEndpoint={LoopbackApp.AddressOf(collector)}", "--Telemetry:ExportIntervalMilliseconds=200", "--Embedding:Provider=Hashing");
        await bot.IngestSeedsAsync();

        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "What did Italy pledge?" });
        response.EnsureSuccessStatusCode();

        bool Has(string path, string text) => received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));
        // Spans travel in batches that may arrive in any order: wait for all of them, not just the turn's.
        bool All() => Has("/v1/traces", "natobriefbot.turn") && Has("/v1/traces", "natobriefbot.retrieve") && Has("/v1/traces", "natobriefbot.compose") &&
            Has("/v1/metrics", "natobriefbot.turn.duration");
        for (var i = 0; i < 150 && !All(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(Has("/v1/traces", "natobriefbot.turn"), $"no turn span reached the collector; got {string.Join(", ", received.Select(r => r.Path + " " + r.Body.Length))}");
        Assert.True(Has("/v1/traces", "natobriefbot.retrieve") && Has("/v1/traces", "natobriefbot.compose"), "the turn's retrieval and composition spans are missing");
        Assert.True(Has("/v1/metrics", "natobriefbot.turn.duration"), "no turn duration metric reached the collector");
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }

    [Fact]
    public async Task Start_OtlpEndpointNotHttp_RefusesNamingTheSetting()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => RunningBot.StartAsync("--Telemetry:OtlpEndpoint=ftp://collector"));

        Assert.Contains("Telemetry:OtlpEndpoint", ex.Message, StringComparison.Ordinal);
    }
}
