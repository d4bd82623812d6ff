namespace NatoBriefBot.Channels.DirectLine;

/// <summary>
/// The Lua scripts of <see cref="RedisDirectLineStore"/>: each runs atomically in Redis, so instances appending to one
/// conversation at once still number its activities without gaps or repeats, and the byte and count bounds hold over all.
/// Keys: a conversation is a hash <c>{prefix}dl:{id}</c> (user, seq, bytes) and a stream <c>{prefix}dl:{id}:log</c> (one
/// entry per activity, its id the sequence number); <c>{prefix}dl:lru</c> orders conversations by last use,
/// <c>{prefix}dl:sizes</c> and <c>{prefix}dl:total</c> hold their bytes.
/// </summary>
internal static class RedisDirectLineScripts
{
    // KEYS: 1 lru, 2 sizes, 3 total. ARGV: 1 key prefix ("{prefix}dl:"), 2 now ms, 3 idle ms, 4 max conversations, 5 max total bytes,
    // 6 the conversation to keep. Forgets the expired conversations, then the least recently used beyond the bounds.
    private const string Evict = """
        local function forget(id)
          local size = tonumber(redis.call('HGET', KEYS[2], id) or '0')
          redis.call('HDEL', KEYS[2], id)
          redis.call('ZREM', KEYS[1], id)
          redis.call('INCRBY', KEYS[3], -size)
          redis.call('DEL', ARGV[1] .. id, ARGV[1] .. id .. ':log', ARGV[1] .. id .. ':turns')
        end
        local function evict()
          local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]))
          for _, id in ipairs(dead) do if id ~= ARGV[6] then forget(id) end end
          while redis.call('ZCARD', KEYS[1]) > tonumber(ARGV[4]) or tonumber(redis.call('GET', KEYS[3]) or '0') > tonumber(ARGV[5]) do
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 1)
            local victim = oldest[1]
            if victim == ARGV[6] then victim = oldest[2] end
            if not victim then break end
            forget(victim)
          end
        end
        local function touch(id)
          redis.call('PEXPIRE', ARGV[1] .. id, ARGV[3])
          redis.call('PEXPIRE', ARGV[1] .. id .. ':log', ARGV[3])
          redis.call('PEXPIRE', ARGV[1] .. id .. ':turns', ARGV[3])
          redis.call('ZADD', KEYS[1], ARGV[2], id)
        end
        """;

    /// <summary>Starts a conversation (ARGV 7: user id); returns {created (0/1), user id}.</summary>
    public const string Start = Evict + "\n" + """
        local key = ARGV[1] .. ARGV[6]
        if redis.call('EXISTS', key) == 1 then
          touch(ARGV[6])
          return {0, redis.call('HGET', key, 'user')}
        end
        redis.call('HSET', key, 'user', ARGV[7], 'seq', 0, 'bytes', 0)
        redis.call('HSET', KEYS[2], ARGV[6], 0)
        touch(ARGV[6])
        evict()
        return {1, ARGV[7]}
        """;

    /// <summary>Counts a use of a conversation; returns its user id, or nil when it is gone.</summary>
    public const string Find = Evict + "\n" + """
        local key = ARGV[1] .. ARGV[6]
        local user = redis.call('HGET', key, 'user')
        if not user then
          redis.call('ZREM', KEYS[1], ARGV[6])
          return nil
        end
        touch(ARGV[6])
        return user
        """;

    /// <summary>Appends an activity (ARGV 7: JSON, 8: its bytes, 9: max activities, 10: max bytes of the conversation,
    /// 11: the channel to publish the news on, 12: "1" when it starts a turn, 13: the turn's lease in ms); drops the oldest
    /// beyond the conversation's bounds and least recently used conversations beyond the total. A turn is queued in the
    /// sorted set <c>{prefix}dl:{id}:turns</c> (its sequence number the score) with a lease key
    /// <c>{prefix}dl:{id}:turn:{seq}</c> its instance renews. Returns the activity's sequence number, or -1 when the
    /// conversation is gone.</summary>
    public const string Append = Evict + "\n" + """
        local key = ARGV[1] .. ARGV[6]
        local log = key .. ':log'
        if redis.call('EXISTS', key) == 0 then return -1 end
        local seq = redis.call('HINCRBY', key, 'seq', 1)
        redis.call('XADD', log, seq .. '-0', 'a', ARGV[7], 'b', ARGV[8])
        if ARGV[12] == '1' then
          redis.call('ZADD', key .. ':turns', seq, seq)
          redis.call('SET', key .. ':turn:' .. seq, 1, 'PX', ARGV[13])
        end
        local bytes = redis.call('HINCRBY', key, 'bytes', ARGV[8])
        local count = redis.call('XLEN', log)
        while count > tonumber(ARGV[9]) or (bytes > tonumber(ARGV[10]) and count > 1) do
          local oldest = redis.call('XRANGE', log, '-', '+', 'COUNT', 1)[1]
          local size = 0
          for i = 1, #oldest[2], 2 do if oldest[2][i] == 'b' then size = tonumber(oldest[2][i + 1]) end end
          redis.call('XDEL', log, oldest[1])
          bytes = redis.call('HINCRBY', key, 'bytes', -size)
          count = count - 1
        end
        local before = tonumber(redis.call('HGET', KEYS[2], ARGV[6]) or '0')
        redis.call('HSET', KEYS[2], ARGV[6], bytes)
        redis.call('INCRBY', KEYS[3], bytes - before)
        touch(ARGV[6])
        evict()
        redis.call('PUBLISH', ARGV[11], ARGV[6])
        return seq
        """;

    /// <summary>May turn ARGV 7 (a sequence number) run? 1 when it is the first queued turn of conversation ARGV 6 (or none
    /// is queued), 0 while an earlier one is. An earlier turn whose lease has lapsed (its instance died) leaves the queue.</summary>
    public const string NextTurn = """
        local turns = ARGV[1] .. ARGV[6] .. ':turns'
        while true do
          local head = redis.call('ZRANGE', turns, 0, 0)[1]
          if not head or head == ARGV[7] then return 1 end
          if redis.call('EXISTS', ARGV[1] .. ARGV[6] .. ':turn:' .. head) == 1 then return 0 end
          redis.call('ZREM', turns, head)
        end
        """;
}
