using System.Diagnostics;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Once the bot listens, encodes the indexed sentences' word pieces for the answer model's word-by-word match
/// (<see cref="SecondOpinionEncoder.Warm"/>) in the background, newest briefings first, so the first questions after a
/// start are as quick as later ones. Off with <c>Embedding:WarmTokenCache</c> false; a failure (a damaged index, say)
/// only means slower first questions, so it is logged by its type and the bot goes on.
/// </summary>
internal sealed partial class TokenCacheWarmup(
    IServiceProvider services,
    SecondOpinionEncoder encoder,
    IOptions<EmbeddingOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TokenCacheWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmTokenCache || !encoder.Enabled)
        {
            return;
        }

        using var started = new SemaphoreSlim(0);
        using (lifetime.ApplicationStarted.Register(() => started.Release()))
        {
            await started.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await Task.Run(() => Warm(stoppingToken), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Encodes what fits; returns how many sentences were encoded.</summary>
    internal int Warm(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // The index is opened here, not injected: a damaged one must not stop the bot from starting.
            var encoded = encoder.Warm(IndexedSentences.NewestFirst(services.GetRequiredService<BriefingStore>()), ct);
            LogWarmed(encoded, clock.ElapsedMilliseconds);
            return encoded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure (a damaged or locked index, which /healthz reports) only costs speed: the bot must keep running.
            LogNotWarmed(ex.GetType().Name);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Word-by-word match ready: {Sentences} sentences encoded in {Milliseconds} ms.")]
    private partial void LogWarmed(int sentences, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sentences were not encoded ahead of questions ({Error}); the first questions will be slower.")]
    private partial void LogNotWarmed(string error);
}
