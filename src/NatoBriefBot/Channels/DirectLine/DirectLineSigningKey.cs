using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using NatoBriefBot.Core.State;
using StackExchange.Redis;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>The key Direct Line tokens are signed with: <see cref="DirectLineSigningKey"/> is made when the process starts
/// (tokens die with it); <see cref="RedisDirectLineSigningKey"/> is shared through Redis, so a token from one instance works on
/// every other.</summary>
public interface IDirectLineSigningKey
{
    /// <exception cref="SharedStateUnavailableException">The shared key cannot be read yet.</exception>
    SymmetricSecurityKey Current();
}

/// <summary>A random 256-bit key of this process.</summary>
public sealed class DirectLineSigningKey : IDirectLineSigningKey
{
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));

    public SymmetricSecurityKey Current() => _key;
}

/// <summary>
/// A random 256-bit key kept in Redis (<c>{prefix}dl:signing-key</c>): the first instance to need it stores one with
/// <c>SET NX</c>, every instance reads that one. Read again every <see cref="Reread"/>; while Redis is down the key read
/// last keeps working.
/// </summary>
public sealed class RedisDirectLineSigningKey(RedisState redis) : IDirectLineSigningKey
{
    public static readonly TimeSpan Reread = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private SymmetricSecurityKey? _key;
    private long _readAt;

    public SymmetricSecurityKey Current()
    {
        lock (_gate)
        {
            if (_key is not null && Environment.TickCount64 - _readAt < Reread.TotalMilliseconds)
            {
                return _key;
            }

            try
            {
                var key = redis.Key("dl:signing-key");
                var db = redis.Database;
                db.StringSet(key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), when: When.NotExists);
                var stored = db.StringGet(key);
                if (stored.IsNull)
                {
                    throw new SharedStateUnavailableException();
                }

                _key = new SymmetricSecurityKey(Convert.FromBase64String((string)stored!));
                _readAt = Environment.TickCount64;
                return _key;
            }
            catch (Exception ex) when (RedisState.IsRedisFailure(ex))
            {
                return _key ?? throw redis.Unavailable(ex, "reading the Direct Line signing key");
            }
        }
    }
}
