namespace NatoBriefBot.Channels.DirectLine;

/// <summary>A turn's hold on its conversation: disposing it lets the next turn in (once; later disposals do nothing).</summary>
internal sealed class TurnHandle(Func<ValueTask> release) : IAsyncDisposable
{
    private int _released;

    /// <summary>Waits for <paramref name="gate"/> and holds it until the handle is disposed.</summary>
    public static async Task<IAsyncDisposable> EnterAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new TurnHandle(() =>
        {
            gate.Release();
            return ValueTask.CompletedTask;
        });
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _released, 1) == 0 ? release() : ValueTask.CompletedTask;
}
