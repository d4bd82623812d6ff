using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NatoBriefBot.Core.State;

/// <summary>
/// The one connection to Redis every shared-state store uses. It connects in the background and reconnects by itself
/// (<c>AbortOnConnectFail=false</c>), so a Redis that is down at start or restarts later only makes calls fail fast with
/// <see cref="SharedStateUnavailableException"/> until it is back. Errors are logged by type only: a Redis error text can
/// name the server and its settings, and the connection string can hold a password.
/// </summary>
public sealed partial class RedisState : IAsyncDisposable, IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _connection;
    private readonly ILogger<RedisState> _logger;
    private long _lastWarningTicks;

    public RedisState(IOptions<SharedStateOptions> options, ILogger<RedisState> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;
        Prefix = settings.KeyPrefix;
        var configuration = Parse(settings.ConnectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = settings.TimeoutMilliseconds;
        configuration.SyncTimeout = settings.TimeoutMilliseconds;
        configuration.AsyncTimeout = settings.TimeoutMilliseconds;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        configuration.ClientName = "natobriefbot";
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(configuration, TextWriter.Null));
    }

    /// <summary>Put before every key (<see cref="SharedStateOptions.KeyPrefix"/>).</summary>
    public string Prefix { get; }

    public IDatabase Database => _connection.Value.GetDatabase();

    public ISubscriber Subscriber => _connection.Value.GetSubscriber();

    public bool IsConnected => _connection.Value.IsConnected;

    public RedisKey Key(string name) => Prefix + name;

    public RedisChannel Channel(string name) => RedisChannel.Literal(Prefix + name);

    /// <summary>Checks a connection string without ever echoing it.</summary>
    /// <exception cref="BriefBotException">It cannot be read as a Redis connection string.</exception>
    public static ConfigurationOptions Parse(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new BriefBotException(SharedStateOptions.NotAConnectionString, ex);
        }
    }

    /// <summary>Runs a Redis call; a Redis failure becomes <see cref="SharedStateUnavailableException"/> (logged once a minute at most).</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call, string what)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call(Database).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unavailable(ex, what);
        }
    }

    /// <summary>As <see cref="RunAsync{T}(Func{IDatabase, Task{T}}, string)"/> for calls with no result.</summary>
    public Task RunAsync(Func<IDatabase, Task> call, string what) => RunAsync(async db =>
    {
        await call(db).ConfigureAwait(false);
        return true;
    }, what);

    /// <summary>Claims <paramref name="name"/> for <paramref name="ttl"/> (<c>SET NX EX</c>): true for the first caller on any
    /// instance, false while the claim lasts. While Redis is down every caller gets true: doing something twice (a welcome,
    /// an answer to a retried activity) beats not doing it.</summary>
    public async Task<bool> ClaimAsync(string name, TimeSpan ttl, string what)
    {
        try
        {
            return await RunAsync(db => db.StringSetAsync(Key(name), 1, ttl, When.NotExists), what).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            return true;
        }
    }

    /// <summary>Turns a Redis failure into the exception the rest of the bot handles, and logs it without its text.</summary>
    public SharedStateUnavailableException Unavailable(Exception ex, string what)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            LogUnavailable(_logger, what, ex.GetType().Name);
        }

        return new SharedStateUnavailableException(SharedStateUnavailableException.DefaultMessage, new InvalidOperationException($"Redis call failed ({ex.GetType().Name})."));
    }

    public static bool IsRedisFailure(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await _connection.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable ({What}: {Error}); the bot answers without shared state until it is back")]
    private static partial void LogUnavailable(ILogger logger, string what, string error);
}
