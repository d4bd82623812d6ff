using System.Diagnostics;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Once the bot listens, gets the first questions ready in the background, so they are as quick as later ones: it checks
/// the welcome's starter questions (<see cref="StarterQuestions"/>: that loads the models and the lexicon a question needs,
/// and the first "hi" or welcome card is ready at once), embeds the small-talk examples (<see cref="ChatIntents"/>) and sorts
/// the word list the spelling check reads (<see cref="Lexicon.PrepareSpellingLookup"/>), then encodes the indexed sentences' word pieces for the answer
/// model's word-by-word match (<see cref="SecondOpinionEncoder.Warm"/>), newest briefings first (off with
/// <c>Embedding:WarmTokenCache</c> false). A failure (a damaged index, say) only means slower first questions, so it is
/// logged by its type and the bot goes on.
/// </summary>
internal sealed partial class StartupWarmup(
    IServiceProvider services,
    SecondOpinionEncoder encoder,
    IOptions<EmbeddingOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<StartupWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var started = new SemaphoreSlim(0);
        using (lifetime.ApplicationStarted.Register(() => started.Release()))
        {
            await started.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        await Task.Run(() => WarmAsync(stoppingToken), stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Checks the starter questions, then encodes what fits.</summary>
    private async Task WarmAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // The index is opened here, not injected: a damaged one must not stop the bot from starting.
            var store = services.GetRequiredService<BriefingStore>();
            var summary = await store.GetSummaryAsync(ct).ConfigureAwait(false);
            var starters = await services.GetRequiredService<StarterQuestions>().VerifiedAsync(summary, ReplyRenderer.MaxSuggestions, ct).ConfigureAwait(false);
            LogStarters(starters.Count, clock.ElapsedMilliseconds);
            clock.Restart();
            var examples = await services.GetRequiredService<ChatIntents>().WarmAsync(ct).ConfigureAwait(false);
            LogSmallTalk(examples, clock.ElapsedMilliseconds);
            clock.Restart();
            var words = Lexicon.Default.PrepareSpellingLookup();
            LogSpelling(words, clock.ElapsedMilliseconds);
            if (!options.Value.WarmTokenCache || !encoder.Enabled)
            {
                return;
            }

            clock.Restart();
            var encoded = encoder.Warm(IndexedSentences.NewestFirst(store), ct);
            LogWarmed(encoded, clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any failure (a damaged or locked index, which /healthz reports) only costs speed: the bot must keep running.
            LogNotWarmed(ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starter questions checked: {Questions} ready in {Milliseconds} ms.")]
    private partial void LogStarters(int questions, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Small-talk examples ready: {Examples} encoded in {Milliseconds} ms.")]
    private partial void LogSmallTalk(int examples, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spelling lookup ready: {Words} words sorted in {Milliseconds} ms.")]
    private partial void LogSpelling(int words, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Word-by-word match ready: {Sentences} sentences encoded in {Milliseconds} ms.")]
    private partial void LogWarmed(int sentences, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first questions were not prepared ahead ({Error}); they will be slower.")]
    private partial void LogNotWarmed(string error);
}
