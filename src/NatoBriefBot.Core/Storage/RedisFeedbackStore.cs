using System.Globalization;
using System.Text.Json;
using NatoBriefBot.Core.State;
using StackExchange.Redis;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// <see cref="IFeedbackStore"/> on Redis, shared by every instance (run Redis with AOF so it is durable): a sent answer is
/// a hash <c>{prefix}feedback:answer:{key}</c> (kept <see cref="AnswerDays"/> days), the reply activity's id points to it,
/// and each piece of feedback is one entry of the stream <c>{prefix}feedback:log</c> with the question and answer it is
/// about, numbered by a counter. <c>feedback export</c> reads the stream.
/// </summary>
public sealed class RedisFeedbackStore(RedisState redis, TimeProvider clock) : IFeedbackStore
{
    /// <summary>How long a sent answer is kept for feedback to refer to.</summary>
    public const int AnswerDays = 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task RememberAnswerAsync(SentAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return redis.RunAsync(async db =>
        {
            var key = AnswerKey(answer.AnswerKey);
            var batch = db.CreateBatch();
            var writes = new List<Task>
            {
                batch.HashSetAsync(key,
                [
                    new("channel", answer.ChannelId), new("conversation", answer.ConversationId), new("question", answer.Question),
                    new("answer", answer.AnswerText), new("outcome", answer.Outcome), new("citations", answer.CitationsJson),
                ]),
                batch.KeyExpireAsync(key, TimeSpan.FromDays(AnswerDays)),
            };
            if (answer.ActivityId is not null)
            {
                writes.Add(batch.StringSetAsync(ActivityKey(answer.ChannelId, answer.ActivityId), answer.AnswerKey, TimeSpan.FromDays(AnswerDays)));
            }

            batch.Execute();
            await Task.WhenAll(writes).ConfigureAwait(false);
        }, "remembering an answer");
    }

    public Task SetActivityIdAsync(string answerKey, string activityId, CancellationToken cancellationToken = default) =>
        redis.RunAsync(async db =>
        {
            var channel = await db.HashGetAsync(AnswerKey(answerKey), "channel").ConfigureAwait(false);
            if (!channel.IsNull)
            {
                await db.StringSetAsync(ActivityKey(channel!, activityId), answerKey, TimeSpan.FromDays(AnswerDays)).ConfigureAwait(false);
            }
        }, "remembering an answer");

    public Task<StoredFeedback> RecordAsync(FeedbackSubmission feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return redis.RunAsync(async db =>
        {
            var answerKey = feedback.AnswerKey;
            if (answerKey is null && feedback.ReplyToId is not null)
            {
                var found = await db.StringGetAsync(ActivityKey(feedback.ChannelId, feedback.ReplyToId)).ConfigureAwait(false);
                answerKey = found.IsNull ? null : (string?)found;
            }

            HashEntry[] answer = answerKey is null ? [] : await db.HashGetAllAsync(AnswerKey(answerKey)).ConfigureAwait(false);
            var fields = answer.ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
            if (feedback.AnswerKey is null && fields.TryGetValue("conversation", out var conversation)
                && !SameConversation(conversation, feedback.ConversationId))
            {
                fields.Clear();
            }

            var id = await db.StringIncrementAsync(redis.Key("feedback:seq")).ConfigureAwait(false);
            var stored = new StoredFeedback(
                id, clock.GetUtcNow(), feedback with { AnswerKey = fields.Count > 0 || feedback.AnswerKey is not null ? answerKey : null },
                fields.GetValueOrDefault("question"), fields.GetValueOrDefault("answer"), fields.GetValueOrDefault("citations"));
            await db.StreamAddAsync(LogKey, "json", JsonSerializer.Serialize(stored, Json), $"{id.ToString(CultureInfo.InvariantCulture)}-0").ConfigureAwait(false);
            return stored;
        }, "storing feedback");
    }

    public Task<IReadOnlyList<StoredFeedback>> ListAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        redis.RunAsync<IReadOnlyList<StoredFeedback>>(async db =>
        {
            var entries = await db.StreamRangeAsync(LogKey, count: limit, messageOrder: Order.Descending).ConfigureAwait(false);
            return [.. entries.Select(e => JsonSerializer.Deserialize<StoredFeedback>((string)e["json"]!, Json)!)];
        }, "reading feedback");

    private RedisKey LogKey => redis.Key("feedback:log");

    private RedisKey AnswerKey(string answerKey) => redis.Key("feedback:answer:" + answerKey);

    private RedisKey ActivityKey(string channel, string activityId) => redis.Key($"feedback:activity:{channel}|{activityId}");

    /// <summary>Teams adds <c>;messageid=...</c> to a channel thread's conversation id; feedback may come without it.</summary>
    private static bool SameConversation(string? stored, string given)
    {
        static string Base(string id) => id.IndexOf(';', StringComparison.Ordinal) is var i and >= 0 ? id[..i] : id;
        return stored is not null && (stored == given || Base(stored) == Base(given));
    }
}
