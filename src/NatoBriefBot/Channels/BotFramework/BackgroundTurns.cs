using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Runs message turns after <c>/api/messages</c> has answered: a bounded queue read by <see cref="BotChannelOptions.ConcurrentTurns"/>
/// workers. Each turn repeats its typing indicator (<see cref="TypingSender"/>), streams its answer where the channel shows
/// streams (<see cref="StreamingSender"/>: Teams one-on-one chats, Web Chat) and is bounded by
/// <see cref="BotChannelOptions.TurnTimeoutSeconds"/>; a turn that runs out of time tells the user so. The bot is resolved
/// per turn, not at start-up, so a damaged index does not stop the host (its health check reports it instead).
/// </summary>
public sealed partial class BackgroundTurns(IServiceProvider services, IOptions<BotChannelOptions> options, TimeProvider time, ILogger<BackgroundTurns> logger)
    : BackgroundService
{
    public const string TimeoutText = "Sorry, that took too long to answer. Please try again in a moment, or ask a shorter, more specific question.";

    private readonly Channel<QueuedTurn> _queue = Channel.CreateBounded<QueuedTurn>(
        new BoundedChannelOptions(options.Value.MaxQueuedTurns) { FullMode = BoundedChannelFullMode.Wait });

    private int _unfinished;

    /// <summary>Turns queued or running.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    /// <summary>Queues <paramref name="activity"/>; false when the queue is full.</summary>
    public bool TryQueue(Activity activity, IActivitySender sender)
    {
        Interlocked.Increment(ref _unfinished);
        if (_queue.Writer.TryWrite(new QueuedTurn(activity, sender)))
        {
            return true;
        }

        Interlocked.Decrement(ref _unfinished);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ConcurrentTurns).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RunTurnAsync(turn.Activity, turn.Sender, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _unfinished);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; queued turns are dropped.
        }
    }

    /// <summary>Runs one message turn now: typing repeated, bounded by the turn timeout, a timeout message when it runs out.
    /// Failures are logged; the bot's own error handler has already told the user where it could.</summary>
    public async Task RunTurnAsync(Activity incoming, IActivitySender sender, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var turn = new QueuedTurn(incoming, sender);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.TurnTimeoutSeconds));
        await using var stream = StreamingSender.For(turn.Activity, turn.Sender, options.Value, time);
        await using var typing = new TypingSender((IActivitySender?)stream ?? turn.Sender, turn.Activity, TimeSpan.FromSeconds(options.Value.TypingIntervalSeconds), time);
        try
        {
            await services.GetRequiredService<IBot>().OnTurnAsync(turn.Activity, typing, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            LogTimedOut(logger, turn.Activity.ChannelId, options.Value.TurnTimeoutSeconds);
            await SendQuietlyAsync(typing, ActivityFactory.Message(turn.Activity, TimeoutText, InputHints.AcceptingInput), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn's own error handler could not reach the channel either.
            LogTurnFailed(logger, ex, turn.Activity.ChannelId);
        }
    }

    private async Task SendQuietlyAsync(IActivitySender sender, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTurnFailed(logger, ex, activity.ChannelId);
        }
    }

    private sealed record QueuedTurn(Activity Activity, IActivitySender Sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn on channel {Channel} ran longer than {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, string? channel, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver a reply on channel {Channel}")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? channel);
}
