using System.Globalization;
using System.Text.Json;
using NatoBriefBot.Core.State;
using StackExchange.Redis;

namespace NatoBriefBot.Core.Answering;

/// <summary>
/// <see cref="IConversationMemory"/> on Redis, so a follow-up may land on any instance. A conversation is a list of turns
/// (JSON) under <c>{prefix}memory:{id}</c>, trimmed to <see cref="AnsweringOptions.MaxTurns"/> and expiring
/// <see cref="AnsweringOptions.ConversationMinutes"/> after its last turn (key TTL); a sorted set of conversations by last
/// use drops the least recently used beyond <see cref="AnsweringOptions.MaxConversations"/>. Each write is one script, so
/// concurrent instances never see a half-written conversation.
/// </summary>
public sealed class RedisConversationMemory(RedisState redis, AnsweringOptions options, TimeProvider clock) : IConversationMemory
{
    private const string KeyPart = "memory:";

    // KEYS[1] the conversation's list, KEYS[2] the set of conversations by last use.
    // ARGV: turn JSON, max turns, lifetime ms, now ms, conversation id, max conversations, key prefix of lists.
    private static readonly LuaScript Remember = LuaScript.Prepare("""
        redis.call('RPUSH', @list, @turn)
        redis.call('LTRIM', @list, -tonumber(@maxTurns), -1)
        redis.call('PEXPIRE', @list, @lifetime)
        redis.call('ZADD', @index, @now, @id)
        redis.call('ZREMRANGEBYSCORE', @index, '-inf', tonumber(@now) - tonumber(@lifetime))
        local excess = redis.call('ZCARD', @index) - tonumber(@maxConversations)
        if excess > 0 then
          local oldest = redis.call('ZPOPMIN', @index, excess)
          for i = 1, #oldest, 2 do redis.call('DEL', @listPrefix .. oldest[i]) end
        end
        return 1
        """);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string? conversation, CancellationToken cancellationToken = default)
    {
        if (conversation is null)
        {
            return [];
        }

        var values = await redis.RunAsync(db => db.ListRangeAsync(redis.Key(KeyPart + conversation)), "reading a conversation").ConfigureAwait(false);
        return [.. values.Select(v => JsonSerializer.Deserialize<ConversationTurn>((string)v!, Json)!)];
    }

    public Task RememberAsync(string? conversation, ConversationTurn turn, CancellationToken cancellationToken = default)
    {
        if (conversation is null)
        {
            return Task.CompletedTask;
        }

        var lifetime = (long)TimeSpan.FromMinutes(options.ConversationMinutes).TotalMilliseconds;
        var args = new
        {
            list = redis.Key(KeyPart + conversation),
            index = redis.Key("memory-index"),
            listPrefix = redis.Prefix + KeyPart,
            turn = JsonSerializer.Serialize(turn, Json),
            maxTurns = options.MaxTurns,
            lifetime,
            now = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            id = conversation,
            maxConversations = options.MaxConversations,
        };
        return redis.RunAsync(db => db.ScriptEvaluateAsync(Remember, args), "remembering a turn");
    }
}
