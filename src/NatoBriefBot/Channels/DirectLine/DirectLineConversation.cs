using System.Globalization;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: its activities in order (the newest <c>MaxActivitiesPerConversation</c> of them, and
/// no more than <c>MaxBytesPerConversation</c> of JSON), numbered from 1 so the number doubles as the watermark, and a
/// queue that runs the bot's turns one at a time. Every use reports the bytes held to <c>used</c> (the store's accounting).
/// </summary>
public sealed class DirectLineConversation : IDirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, Activity Activity, int Bytes)> _activities = new();
    private readonly int _capacity;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly Action<long> _used;
    private long _sequence;
    private long _bytes;
    private TaskCompletionSource _changed = NewSignal();

    public DirectLineConversation(string id, string userId, int capacity, long maxBytes, TimeProvider time, Action<long> used)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        _maxBytes = maxBytes;
        _time = time;
        _used = used;
    }

    public string Id { get; }

    /// <summary>The user the conversation was started for (from the token).</summary>
    public string UserId { get; }

    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>One turn at a time (their order is kept by <see cref="DirectLineTurns"/>, which starts them in turn).</summary>
    public Task<IAsyncDisposable> EnterTurnAsync(Activity incoming, CancellationToken cancellationToken = default) =>
        TurnHandle.EnterAsync(_turn, cancellationToken);

    public Task<Activity> AppendAsync(Activity activity, CancellationToken cancellationToken = default, bool startsTurn = false) =>
        Task.FromResult(Append(activity));

    public Task<ActivitySet> ReadAfterAsync(long watermark, CancellationToken cancellationToken = default) => Task.FromResult(ReadAfter(watermark));

    /// <summary>Gives <paramref name="activity"/> the next id (<c>{conversationId}|0000001</c>) and the server's timestamp,
    /// stores it and wakes every stream waiting for news.</summary>
    public Activity Append(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var sequence = ++_sequence;
            var stored = activity with
            {
                Id = $"{Id}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}",
                Timestamp = _time.GetUtcNow(),
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(stored, BotJson.Options).Length;
            _activities.Enqueue((sequence, stored, bytes));
            _bytes += bytes;
            while (_activities.Count > _capacity || (_bytes > _maxBytes && _activities.Count > 1))
            {
                _bytes -= _activities.Dequeue().Bytes;
            }

            _used(_bytes);
            var changed = _changed;
            _changed = NewSignal();
            changed.TrySetResult();
            return stored;
        }
    }

    /// <summary>Activities after <paramref name="watermark"/>, the new watermark, and a task that completes when more arrive.</summary>
    public ActivitySet ReadAfter(long watermark)
    {
        lock (_gate)
        {
            _used(_bytes);
            var activities = _activities.Where(a => a.Sequence > watermark).Select(a => a.Activity).ToList();
            return new ActivitySet(activities, Math.Max(watermark, _sequence), _changed.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A page of activities for a client, with the watermark to ask from next time.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, long Watermark, Task MoreArrived);
