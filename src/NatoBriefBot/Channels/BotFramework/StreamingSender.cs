using System.Text.Json;
using System.Text.Json.Nodes;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>The two streaming conventions the bot speaks.</summary>
public enum StreamStyle
{
    /// <summary>Teams one-on-one chats: typing becomes the informative update "Searching the briefings…"; every stream
    /// activity carries a <c>streaminfo</c> entity.</summary>
    Teams,

    /// <summary>Web Chat over Direct Line (livestreaming): plain typing stays plain; stream activities carry
    /// <c>streamType</c>/<c>streamSequence</c>/<c>streamId</c> in <c>channelData</c> (what Web Chat 4.18 reads) and the same
    /// <c>streaminfo</c> entity.</summary>
    WebChat,
}

/// <summary>
/// Streams a turn's answer over its sender. Drafts of the answer (<see cref="IProgress{T}"/>: checked text so far) go out
/// as <c>typing</c> activities with <c>streamType: streaming</c>, the whole text so far each time, a rising
/// <c>streamSequence</c> and the first stream activity's id as <c>streamId</c>, at most one every
/// <see cref="BotChannelOptions.StreamUpdateSeconds"/> (drafts in between are merged: the newest wins). The turn's message
/// (the answer, or an error or timeout message) closes the stream with <c>streamType: final</c> and replaces the drafts;
/// nothing of the stream is sent after it. Once a draft is waiting or drafts flow, repeated typing indicators are dropped (the text shows the bot
/// at work, and Teams takes no informative update after streaming has begun). Sends are serialized so sequence numbers
/// arrive in order.
/// </summary>
public sealed class StreamingSender : IActivitySender, IProgress<string>, IAsyncDisposable
{
    public const string SearchingText = "Searching the briefings…";

    private readonly IActivitySender _inner;
    private readonly Activity _incoming;
    private readonly StreamStyle _style;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly bool _drafts;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _pendingLock = new();
    private string? _pending;
    private Task _pump = Task.CompletedTask;
    private string? _streamId;
    private int _sequence;
    private bool _streaming;
    private bool _closed;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

    public StreamingSender(IActivitySender inner, Activity incoming, StreamStyle style, TimeSpan interval, TimeProvider time, bool drafts = true)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _incoming = incoming ?? throw new ArgumentNullException(nameof(incoming));
        _style = style;
        _interval = interval;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _drafts = drafts;
    }

    /// <summary>A streaming sender when <paramref name="incoming"/> comes from where streaming is shown (a Teams one-on-one
    /// chat, Web Chat or Direct Line), else null: the Emulator, Teams group chats and channels get the final message only.</summary>
    public static StreamingSender? For(Activity incoming, IActivitySender sender, BotChannelOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(options);
        StreamStyle? style = incoming.ChannelId switch
        {
            "msteams" when incoming.Conversation?.ConversationType == "personal" => StreamStyle.Teams,
            "webchat" or "directline" when options.StreamAnswers => StreamStyle.WebChat,
            _ => null,
        };
        return style is { } s ? new StreamingSender(sender, incoming, s, TimeSpan.FromSeconds(options.StreamUpdateSeconds), time, options.StreamAnswers) : null;
    }

    /// <summary>This sender, when it streams drafts of the answer.</summary>
    public IProgress<string>? Drafts => _drafts ? this : null;

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
        await SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);

    public async Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == "message")
        {
            await _closing.CancelAsync().ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (activity.Type == "typing")
            {
                return await SendTypingAsync(activity, cancellationToken).ConfigureAwait(false);
            }

            if (activity.Type == "message" && !_closed)
            {
                _closed = true;
                if (_streamId is not null)
                {
                    activity = WithStreamInfo(activity, new StreamInfo(_streamId, "final", null));
                }
            }

            return await _inner.SendAndGetIdAsync(activity, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Takes the answer's checked text so far; it goes out at the next allowed moment unless a newer one replaces it.</summary>
    public void Report(string value)
    {
        lock (_pendingLock)
        {
            if (_closing.IsCancellationRequested)
            {
                return;
            }

            var idle = _pending is null;
            _pending = value;
            if (idle)
            {
                // Off the reporting thread: the model's stream is read on, whatever the channel does meanwhile.
                var previous = _pump;
                _pump = Task.Run(() => PumpAsync(previous));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        Task pump;
        lock (_pendingLock)
        {
            pump = _pump;
        }

        await pump.ConfigureAwait(false);
        _closing.Dispose();
        _gate.Dispose();
    }

    private async Task<string?> SendTypingAsync(Activity typing, CancellationToken cancellationToken)
    {
        if (_streaming || _closed)
        {
            return null;
        }

        if (_style == StreamStyle.WebChat)
        {
            return await _inner.SendAndGetIdAsync(typing, cancellationToken).ConfigureAwait(false);
        }

        if (_streamId is not null && _time.GetUtcNow() - _lastSent < _interval)
        {
            return null;
        }

        lock (_pendingLock)
        {
            if (_pending is not null)
            {
                // A draft waits for the same moment: it goes first. A typing loop ticking at the update interval would
                // otherwise win that moment every time on a busy machine and hold the answer's text back to the end.
                return null;
            }
        }

        var update = WithStreamInfo(typing with { Text = SearchingText }, new StreamInfo(_streamId, "informative", ++_sequence));
        return await SendStreamActivityAsync(update, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the pending draft once the interval since the last stream activity has passed; repeats while new
    /// drafts arrived meanwhile. A draft that fails to go out is dropped: the final message carries the whole answer.</summary>
    private async Task PumpAsync(Task previous)
    {
        await previous.ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = _lastSent + _interval - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, _closing.Token).ConfigureAwait(false);
                }

                string draft;
                lock (_pendingLock)
                {
                    if (_pending is null)
                    {
                        return;
                    }

                    draft = _pending;
                }

                if (!await TrySendDraftAsync(draft).ConfigureAwait(false))
                {
                    // An informative update went out meanwhile: wait a full interval after it.
                    continue;
                }

                lock (_pendingLock)
                {
                    if (ReferenceEquals(_pending, draft))
                    {
                        _pending = null;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            // A lost draft changes nothing for the answer; the next one tries again.
            lock (_pendingLock)
            {
                _pending = null;
            }
        }
    }

    /// <summary>False when the interval since the last stream activity has not passed yet.</summary>
    private async Task<bool> TrySendDraftAsync(string draft)
    {
        await _gate.WaitAsync(_closing.Token).ConfigureAwait(false);
        try
        {
            if (_closed)
            {
                return true;
            }

            if (_time.GetUtcNow() - _lastSent < _interval)
            {
                return false;
            }

            _streaming = true;
            var update = WithStreamInfo(
                ActivityFactory.ReplyTo(_incoming, "typing") with { Text = ReplyRenderer.DraftText(draft, _incoming.ChannelId), TextFormat = "markdown" },
                new StreamInfo(_streamId, "streaming", ++_sequence));
            await SendStreamActivityAsync(update, _closing.Token).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> SendStreamActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        // The interval runs from the start of a send, so the channel receives updates at least that far apart; the
        // activity's timestamp says when it was sent.
        _lastSent = _time.GetUtcNow();
        var id = await _inner.SendAndGetIdAsync(activity with { Timestamp = _lastSent }, cancellationToken).ConfigureAwait(false);
        _streamId ??= id;
        return id;
    }

    /// <summary>The <c>streaminfo</c> entity on <paramref name="activity"/>, and for Web Chat the same fields in its channelData.</summary>
    private Activity WithStreamInfo(Activity activity, StreamInfo info)
    {
        var fields = new JsonObject();
        if (info.StreamId is not null)
        {
            fields["streamId"] = info.StreamId;
        }

        fields["streamType"] = info.StreamType;
        if (info.Sequence is { } sequence)
        {
            fields["streamSequence"] = sequence;
        }

        var entity = new JsonObject { ["type"] = "streaminfo" };
        foreach (var (key, value) in fields)
        {
            entity[key] = value?.DeepClone();
        }

        activity = activity with { Entities = [.. activity.Entities ?? [], JsonSerializer.SerializeToElement(entity, BotJson.Options)] };
        if (_style != StreamStyle.WebChat)
        {
            return activity;
        }

        var channelData = activity.ChannelData is { ValueKind: JsonValueKind.Object } data ? JsonNode.Parse(data.GetRawText())!.AsObject() : new JsonObject();
        foreach (var (key, value) in fields)
        {
            channelData[key] = value?.DeepClone();
        }

        return activity with { ChannelData = JsonSerializer.SerializeToElement(channelData, BotJson.Options) };
    }

    private sealed record StreamInfo(string? StreamId, string StreamType, int? Sequence);
}
