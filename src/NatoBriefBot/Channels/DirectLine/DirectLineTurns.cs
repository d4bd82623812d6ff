using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// Runs the bot's turns for Direct Line conversations in the background, one at a time per conversation, so a
/// client's POST returns as soon as its activity is stored and the replies arrive by polling or the stream. A message turn
/// runs as those of <c>/api/messages</c> do (<see cref="BackgroundTurns.RunTurnAsync"/>): typing repeated, bounded in time.
/// </summary>
public sealed partial class DirectLineTurns(IBot bot, BackgroundTurns turns, IHostApplicationLifetime lifetime, ILogger<DirectLineTurns> logger)
{
    private readonly Lock _order = new();

    /// <summary>Each conversation's last queued turn: the next one starts after it, so turns run in the order they were
    /// posted (a gate alone lets a later turn in first when its task happens to start sooner).</summary>
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <summary>Queues the turn for <paramref name="incoming"/> after the conversation's earlier turns; replies are appended to
    /// <paramref name="conversation"/>.</summary>
    public void Enqueue(IDirectLineConversation conversation, Activity incoming, ChannelAccount botAccount)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var id = conversation.Id;
        lock (_order)
        {
            var previous = _tails.GetValueOrDefault(id) ?? Task.CompletedTask;
            var tail = previous.ContinueWith(_ => RunAsync(conversation, incoming, botAccount, lifetime.ApplicationStopping),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _tails[id] = tail;
            _ = tail.ContinueWith(done =>
            {
                lock (_order)
                {
                    if (_tails.TryGetValue(id, out var last) && last == done)
                    {
                        _tails.Remove(id);
                    }
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task RunAsync(IDirectLineConversation conversation, Activity incoming, ChannelAccount botAccount, CancellationToken stopping)
    {
        var sender = new DirectLineSender(conversation, incoming, botAccount);
        IAsyncDisposable turn;
        try
        {
            turn = await conversation.EnterTurnAsync(incoming, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (incoming.Type == "message")
            {
                await turns.RunTurnAsync(incoming, sender, stopping).ConfigureAwait(false);
            }
            else
            {
                await bot.OnTurnAsync(incoming, sender, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is shutting down; the conversation goes with it.
        }
        catch (Exception ex)
        {
            LogTurnFailed(logger, ex, incoming.Type);
            if (incoming.Type == "message")
            {
                try
                {
                    await sender.SendAsync(ActivityFactory.Message(incoming, BriefingBot.ErrorText, InputHints.AcceptingInput), CancellationToken.None)
                        .ConfigureAwait(false);
                }
                catch (Core.State.SharedStateUnavailableException)
                {
                    // The conversation's store is down too: nothing can reach the client until it is back.
                }
            }
        }
        finally
        {
            await turn.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line turn failed for a {Type} activity")]
    private static partial void LogTurnFailed(ILogger logger, Exception ex, string? type);
}
