namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Wraps a turn's sender and repeats a typing indicator every <paramref name="interval"/> until the turn sends anything other
/// than typing (its reply), so the channel keeps showing the bot at work during a long turn. The repeats stop before that
/// reply goes out, so no typing follows it: a repeat already on its way is let finish first (for up to
/// <see cref="InFlightGrace"/>), because one cancelled mid-request may still reach the channel after the reply. A repeat that
/// fails is dropped: it is only a hint.
/// </summary>
public sealed class TypingSender : IActivitySender, IAsyncDisposable
{
    /// <summary>How long the reply waits for a typing repeat already on its way before that repeat is cancelled.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(5);

    private readonly IActivitySender _inner;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _repeating;

    public TypingSender(IActivitySender inner, Activity incoming, TimeSpan interval, TimeProvider time)
    {
        _inner = inner;
        _time = time;
        _repeating = RepeatAsync(ActivityFactory.ReplyTo(incoming, "typing"), interval);
    }

    public IProgress<string>? Drafts => _inner.Drafts;

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
        await SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);

    public async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != "typing")
        {
            await StopAsync().ConfigureAwait(false);
        }

        return await _inner.SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
        _abort.Dispose();
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _repeating.WaitAsync(InFlightGrace, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _repeating.ConfigureAwait(false);
        }
    }

    private async Task RepeatAsync(Activity typing, TimeSpan interval)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await _inner.SendAsync(typing, _abort.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A lost typing indicator changes nothing for the answer.
            }
        }
    }
}
