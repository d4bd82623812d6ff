using System.Globalization;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: its activities in order (the newest <c>MaxActivitiesPerConversation</c> of them),
/// numbered from 1 so the number doubles as the watermark, and a queue that runs the bot's turns one at a time.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Sequence, Activity Activity)> _activities = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private long _sequence;
    private TaskCompletionSource _changed = NewSignal();
    private DateTimeOffset _lastUsed;

    public DirectLineConversation(string id, string userId, int capacity, TimeProvider time)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        _time = time;
        _lastUsed = time.GetUtcNow();
    }

    public string Id { get; }

    /// <summary>The user the conversation was started for (from the token).</summary>
    public string UserId { get; }

    /// <summary>Serializes the bot's turns so replies come in the order the questions were asked.</summary>
    internal SemaphoreSlim TurnGate { get; } = new(1, 1);

    public DateTimeOffset LastUsed
    {
        get { lock (_gate) { return _lastUsed; } }
    }

    public void Touch()
    {
        lock (_gate)
        {
            _lastUsed = _time.GetUtcNow();
        }
    }

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
            _activities.Enqueue((sequence, stored));
            while (_activities.Count > _capacity)
            {
                _activities.Dequeue();
            }

            _lastUsed = _time.GetUtcNow();
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
            _lastUsed = _time.GetUtcNow();
            var activities = _activities.Where(a => a.Sequence > watermark).Select(a => a.Activity).ToList();
            return new ActivitySet(activities, Math.Max(watermark, _sequence), _changed.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A page of activities for a client, with the watermark to ask from next time.</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, long Watermark, Task MoreArrived);
