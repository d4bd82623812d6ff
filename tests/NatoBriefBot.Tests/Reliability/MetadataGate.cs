using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>
/// A real HTTP server on loopback in front of an OpenID metadata document: passes it through while healthy, and when told
/// to hang, accepts the request and never answers (until disposed). Counts the requests it got.
/// </summary>
internal sealed class MetadataGate : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _released = new();
    private int _requests;

    private MetadataGate(WebApplication app) => _app = app;

    public volatile bool Hang;

    public int Requests => Volatile.Read(ref _requests);

    public string Url { get; private set; } = "";

    /// <summary>Starts a gate in front of <paramref name="upstream"/> (the real metadata URL).</summary>
    public static async Task<MetadataGate> StartAsync(string upstream)
    {
        var app = LoopbackApp.Create();
        var gate = new MetadataGate(app);
        using var http = new HttpClient();
        var document = await http.GetStringAsync(upstream);
        app.MapGet("/metadata", async (HttpContext context) =>
        {
            Interlocked.Increment(ref gate._requests);
            if (gate.Hang)
            {
                await Task.Delay(Timeout.Infinite, gate._released.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(503);
            }

            return Results.Text(document, "application/json");
        });
        await app.StartAsync();
        gate.Url = LoopbackApp.AddressOf(app) + "/metadata";
        return gate;
    }

    public async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _released.Dispose();
    }
}
