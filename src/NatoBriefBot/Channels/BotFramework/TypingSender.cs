namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// Wraps a turn's sender and repeats a typing indicator every <paramref name="interval"/> until the turn sends anything other
/// than typing (its reply), so the channel keeps showing the bot at work during a long turn. The repeats stop before that
/// reply goes out, so no typing follows it. A repeat that fails is dropped: it is only a hint.
/// </summary>
public sealed class TypingSender : IActivitySender, IAsyncDisposable
{
    private readonly IActivitySender _inner;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _repeating;

    public TypingSender(IActivitySender inner, Activity incoming, TimeSpan interval, TimeProvider time)
    {
        _inner = inner;
        _repeating = RepeatAsync(ActivityFactory.ReplyTo(incoming, "typing"), interval, time, _stop.Token);
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
    }

    private async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _repeating.ConfigureAwait(false);
    }

    private async Task RepeatAsync(Activity typing, TimeSpan interval, TimeProvider time, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stop).ConfigureAwait(false);
                try
                {
                    await _inner.SendAsync(typing, stop).ConfigureAwait(false);
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // A lost typing indicator changes nothing for the answer.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
