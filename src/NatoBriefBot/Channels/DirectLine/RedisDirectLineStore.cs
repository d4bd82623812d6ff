using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core;
using NatoBriefBot.Core.State;
using StackExchange.Redis;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// <see cref="IDirectLineStore"/> on Redis (<see cref="RedisDirectLineScripts"/>): any instance can start, post to, read and
/// stream a conversation. An append publishes the conversation id on <c>{prefix}dl:news</c>; every instance listens and wakes
/// its own streams of that conversation, which then read the log from their watermark, so each activity reaches a stream
/// once and in order whichever instance stored it. Streams also look again every <see cref="PollEvery"/> in case a
/// notice was lost while Redis reconnected.
/// </summary>
public sealed class RedisDirectLineStore : IDirectLineStore
{
    /// <summary>The longest a stream waits before reading the log again without a notice.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long a queued turn keeps its place without its instance renewing it (a third of it at a time): the
    /// turns after one whose instance died wait this long at most.</summary>
    public static readonly TimeSpan TurnLease = TimeSpan.FromSeconds(30);

    /// <summary>How often a turn waiting for an earlier one on another instance looks again.</summary>
    private static readonly TimeSpan TurnPoll = TimeSpan.FromMilliseconds(50);

    private readonly RedisState _redis;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;
    private readonly LruCache<string, Conversation> _local;
    private readonly RedisKey[] _keys;
    private readonly RedisChannel _news;
    private int _subscribed;

    public RedisDirectLineStore(RedisState redis, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _options = options;
        _time = time;
        _local = new(options.Value.MaxConversations, options.Value.MaxConversations, options.Value.IdleLifetime, time, StringComparer.Ordinal);
        _keys = [redis.Key("dl:lru"), redis.Key("dl:sizes"), redis.Key("dl:total")];
        _news = redis.Channel("dl:news");
    }

    public async Task<IDirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await SubscribeAsync().ConfigureAwait(false);
        var user = await RunAsync(RedisDirectLineScripts.Find, id, [], "finding a Direct Line conversation").ConfigureAwait(false);
        return user.IsNull ? null : Local(id, (string)user!);
    }

    public async Task<(IDirectLineConversation Conversation, bool Created)> StartAsync(string id, string userId, CancellationToken cancellationToken = default)
    {
        await SubscribeAsync().ConfigureAwait(false);
        var result = (RedisResult[])(await RunAsync(RedisDirectLineScripts.Start, id, [userId], "starting a Direct Line conversation").ConfigureAwait(false))!;
        return (Local(id, (string)result[1]!), (int)result[0] == 1);
    }

    private Conversation Local(string id, string userId) => _local.GetOrAdd(id, key => new Conversation(this, key, userId), out _);

    private Task<RedisResult> RunAsync(string script, string id, RedisValue[] more, string what)
    {
        var limits = _options.Value;
        RedisValue[] args =
        [
            _redis.Prefix + "dl:",
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            (long)limits.IdleLifetime.TotalMilliseconds,
            limits.MaxConversations,
            limits.MaxTotalBytes,
            id,
            .. more,
        ];
        return _redis.RunAsync(db => db.ScriptEvaluateAsync(script, _keys, args), what);
    }

    /// <summary>Listens for news once per process; retried on each use until Redis takes the subscription (it is then
    /// renewed by the client after a reconnect).</summary>
    private async Task SubscribeAsync()
    {
        if (Volatile.Read(ref _subscribed) == 1)
        {
            return;
        }

        try
        {
            await _redis.Subscriber.SubscribeAsync(_news, (_, id) =>
            {
                if (_local.TryGet((string)id!, out var conversation, touch: false))
                {
                    conversation.Wake();
                }
            }).ConfigureAwait(false);
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception ex) when (RedisState.IsRedisFailure(ex))
        {
            // The calls that follow report Redis as unavailable; streams still poll.
        }
    }

    /// <summary>This instance's handle on a shared conversation: its turns and the signal its streams wait on.</summary>
    private sealed class Conversation(RedisDirectLineStore store, string id, string userId) : IDirectLineConversation
    {
        private readonly Lock _gate = new();
        private readonly SemaphoreSlim _turn = new(1, 1);
        private TaskCompletionSource _changed = NewSignal();

        public string Id { get; } = id;

        public string UserId { get; } = userId;

        /// <summary>This instance's turns of the conversation one at a time, and each after the turns queued before it on any
        /// instance (<see cref="RedisDirectLineScripts.NextTurn"/>). While Redis is down a turn runs without waiting: its
        /// replies could not be stored anyway, and it says so.</summary>
        public async Task<IAsyncDisposable> EnterTurnAsync(Activity incoming, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(incoming);
            var local = await TurnHandle.EnterAsync(_turn, cancellationToken).ConfigureAwait(false);
            if (Sequence(incoming.Id) is not { } seq)
            {
                return local;
            }

            var lease = store._redis.Key("dl:" + Id + ":turn:" + seq.ToString(CultureInfo.InvariantCulture));
            // The turn's place is kept while it waits and while it runs, until the handle is disposed.
            var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewal = RenewAsync(lease, renewing.Token);
            async ValueTask Release()
            {
                await renewing.CancelAsync().ConfigureAwait(false);
                await renewal.ConfigureAwait(false);
                renewing.Dispose();
                await Leave(seq, lease).ConfigureAwait(false);
                await local.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                while ((long)await store.RunAsync(RedisDirectLineScripts.NextTurn, Id, [seq], "waiting for a Direct Line turn").ConfigureAwait(false) == 0)
                {
                    await Task.Delay(TurnPoll, store._time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (SharedStateUnavailableException)
            {
                // Redis is down: run now.
            }
            catch
            {
                await Release().ConfigureAwait(false);
                throw;
            }

            return new TurnHandle(Release);
        }

        /// <summary>Keeps the turn's place: sets its lease again every third of <see cref="TurnLease"/> until cancelled.</summary>
        private async Task RenewAsync(RedisKey lease, CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    await store._redis.RunAsync(db => db.StringSetAsync(lease, 1, TurnLease), "keeping a Direct Line turn's place").ConfigureAwait(false);
                    await Task.Delay(TurnLease / 3, store._time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (SharedStateUnavailableException)
            {
                // The lease lapses; the turn still runs.
            }
        }

        /// <summary>Takes the turn out of the queue, so the next one may run.</summary>
        private async Task Leave(long seq, RedisKey lease)
        {
            try
            {
                await store._redis.RunAsync(async db =>
                {
                    await db.SortedSetRemoveAsync(store._redis.Key("dl:" + Id + ":turns"), seq).ConfigureAwait(false);
                    await db.KeyDeleteAsync(lease).ConfigureAwait(false);
                }, "ending a Direct Line turn").ConfigureAwait(false);
            }
            catch (SharedStateUnavailableException)
            {
                // Its lease lapses and the next turn takes it out of the queue.
            }
        }

        /// <summary>The sequence number in an activity id (<c>{conversationId}|0000007</c>), or null.</summary>
        private static long? Sequence(string? activityId) =>
            activityId is not null && activityId.LastIndexOf('|') is var bar and >= 0 &&
            long.TryParse(activityId.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;

        public async Task<Activity> AppendAsync(Activity activity, CancellationToken cancellationToken = default, bool startsTurn = false)
        {
            ArgumentNullException.ThrowIfNull(activity);
            // Stored with a placeholder id of the real one's length, so its bytes count as they will be sent.
            var stored = activity with { Id = ActivityId(0), Timestamp = store._time.GetUtcNow() };
            var json = JsonSerializer.Serialize(stored, BotJson.Options);
            var limits = store._options.Value;
            var seq = (long)await store.RunAsync(RedisDirectLineScripts.Append, Id,
                [json, System.Text.Encoding.UTF8.GetByteCount(json), limits.MaxActivitiesPerConversation, limits.MaxBytesPerConversation,
                 store._news.ToString(), startsTurn ? 1 : 0, (long)TurnLease.TotalMilliseconds], "storing a Direct Line activity").ConfigureAwait(false);
            if (seq < 0)
            {
                throw new SharedStateUnavailableException("This conversation has ended or expired. Reload the page to start a new one.");
            }

            return stored with { Id = ActivityId(seq) };
        }

        public async Task<ActivitySet> ReadAfterAsync(long watermark, CancellationToken cancellationToken = default)
        {
            Task signal;
            lock (_gate)
            {
                signal = _changed.Task;
            }

            var from = (watermark + 1).ToString(CultureInfo.InvariantCulture) + "-0";
            var entries = await store._redis.RunAsync(db => db.StreamRangeAsync(store._redis.Key("dl:" + Id + ":log"), from, "+"),
                "reading a Direct Line conversation").ConfigureAwait(false);
            var activities = new List<Activity>(entries.Length);
            var last = watermark;
            foreach (var entry in entries)
            {
                var seq = long.Parse(((string)entry.Id!).Split('-')[0], CultureInfo.InvariantCulture);
                var activity = JsonSerializer.Deserialize<Activity>((string)entry["a"]!, BotJson.Options)!;
                activities.Add(activity with { Id = ActivityId(seq) });
                last = Math.Max(last, seq);
            }

            return new ActivitySet(activities, last, Task.WhenAny(signal, Task.Delay(PollEvery, store._time, cancellationToken)));
        }

        public void Wake()
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                changed = _changed;
                _changed = NewSignal();
            }

            changed.TrySetResult();
        }

        private string ActivityId(long seq) => $"{Id}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
