using System.Globalization;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// <c>bench hostile</c>: the process's memory while the running bot (real Kestrel on loopback, auth mode, configured limits)
/// takes the <see cref="HostileAttack"/> of issue 8. Client and server share the process; the client streams its bodies, so
/// what grows is the server.
/// </summary>
internal static class HostileBench
{
    /// <summary>Auth mode with an app id and password that are not real. No request carries a valid token, and the OpenID
    /// metadata URLs point at a closed loopback port, so nothing leaves the machine.</summary>
    internal static readonly string[] AuthSettings =
    [
        "--MicrosoftAppId=0b5b7bb1-7a55-4c4e-9c1e-1c0a2d0d6a11", "--MicrosoftAppPassword=not-a-real-secret",
        "--ToBotFromChannelOpenIdMetadataUrl=http://127.0.0.1:9/none", "--ToBotFromEmulatorOpenIdMetadataUrl=http://127.0.0.1:9/none",
    ];

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(HostileLoad load, CancellationToken ct)
    {
        using var temp = new BenchCommand.TempFolder();
        var app = BotHost.Build([
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Error", "--Embedding:Provider=Hashing",
            $"--Storage:DatabasePath={Path.Combine(temp.Path, "hostile.db")}", .. AuthSettings]);
        await using (app.ConfigureAwait(false))
        {
            await BotHost.IngestSeedsAsync(app.Services, ct).ConfigureAwait(false);
            await app.StartAsync(ct).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            await Task.Delay(Settle, ct).ConfigureAwait(false);
            var before = Memory.Now();

            using var stop = new CancellationTokenSource();
            var peak = Task.Run(() => SamplePeakAsync(stop.Token), CancellationToken.None);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await HostileAttack.RunAsync(http, load, ct).ConfigureAwait(false);
            var seconds = watch.Elapsed.TotalSeconds;
            await Task.Delay(Settle, ct).ConfigureAwait(false);
            var after = Memory.Now();
            await stop.CancelAsync().ConfigureAwait(false);
            var highest = await peak.ConfigureAwait(false);

            var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
            var directLine = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            var held = app.Services.GetRequiredService<ConversationStore>().Bytes;
            await app.StopAsync(ct).ConfigureAwait(false);

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench hostile: auth=on clients={load.Clients} bodies={load.BodyBytes / 1048576.0:0.#}MB sized+chunked to /api/messages and /api/ask, directline={load.Conversations}x{load.Posts} posts of {load.LargeActivityBytes / 1024}/{load.SmallActivityBytes / 1024}KB"
                + $" | sent_mb={outcome.BytesSent / 1048576.0:0} in {seconds:0.0}s | {outcome}"
                + $" | limits: messages {limits.MessagesBodyBytes / 1024}KB ask {limits.AskBodyBytes / 1024}KB directline activity {directLine.MaxActivityBytes / 1024}KB conversation {directLine.MaxBytesPerConversation / 1024}KB; directline_held_kb={held / 1024.0:0}"
                + $" | rss_mb before={before.WorkingSetMb:0} peak={highest.WorkingSetMb:0} after={after.WorkingSetMb:0}"
                + $" | managed_mb before={before.ManagedMb:0} peak={highest.ManagedMb:0} after={after.ManagedMb:0} cores={Environment.ProcessorCount}")).ConfigureAwait(false);
            return outcome.Statuses.Any(s => s.StartsWith('5')) ? 1 : 0;
        }
    }

    /// <summary>The highest working set and managed heap seen until <paramref name="stop"/> is cancelled (the attack and the
    /// settling time after it).</summary>
    private static async Task<Memory> SamplePeakAsync(CancellationToken stop)
    {
        var peak = Memory.Now();
        while (!stop.IsCancellationRequested)
        {
            var now = Memory.Now();
            peak = new Memory(Math.Max(peak.WorkingSetMb, now.WorkingSetMb), Math.Max(peak.ManagedMb, now.ManagedMb));
            try
            {
                await Task.Delay(SampleEvery, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private readonly record struct Memory(double WorkingSetMb, double ManagedMb)
    {
        public static Memory Now() => new(Environment.WorkingSet / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
    }
}
