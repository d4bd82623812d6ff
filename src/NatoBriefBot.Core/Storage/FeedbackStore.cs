using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// <see cref="IFeedbackStore"/> in the index's SQLite file: tables <c>sent_answers</c> and <c>feedback</c>,
/// created idempotently next to the index tables. Thread-safe: each call uses its own pooled connection.
/// </summary>
public sealed class FeedbackStore : IFeedbackStore
{
    private const int SchemaVersion = 1;

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS sent_answers (
            answer_key TEXT PRIMARY KEY,
            activity_id TEXT,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer_text TEXT NOT NULL,
            outcome TEXT NOT NULL,
            citations_json TEXT NOT NULL,
            sent_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_sent_answers_activity ON sent_answers(activity_id);
        CREATE TABLE IF NOT EXISTS feedback (
            id INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            user_id TEXT,
            reaction TEXT NOT NULL,
            feedback_text TEXT,
            source TEXT NOT NULL,
            reply_to_id TEXT,
            answer_key TEXT,
            question TEXT,
            answer_text TEXT,
            citations_json TEXT);
        """;

    private static readonly Lazy<bool> SqliteInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;

    /// <summary>Opens the SQLite file at <paramref name="path"/> (the index file), creating the feedback tables if needed.</summary>
    /// <exception cref="BriefBotException">The file is not a NatoBriefBot database or cannot be opened.</exception>
    public FeedbackStore(string path)
    {
        _ = SqliteInit.Value;
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        try
        {
            using var connection = Open();
            SqliteSchema.Execute(connection, "PRAGMA journal_mode=WAL;");
            SqliteSchema.Ensure(connection, fullPath);
            using var tx = connection.BeginTransaction();
            SqliteSchema.Execute(connection, CreateSql, tx);
            SqliteSchema.WriteMeta(connection, "feedback_schema_version", SchemaVersion.ToString(CultureInfo.InvariantCulture), tx);
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            throw new BriefBotException($"Could not open the feedback tables in '{fullPath}': {ex.Message}. Check that the folder is writable.", ex);
        }
    }

    public async Task RememberAnswerAsync(SentAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO sent_answers(answer_key, activity_id, channel_id, conversation_id, question, answer_text, outcome, citations_json, sent_at)
            VALUES ($key, $activity, $channel, $conversation, $question, $answer, $outcome, $citations, $at)
            ON CONFLICT(answer_key) DO UPDATE SET activity_id = coalesce(excluded.activity_id, activity_id)
            """;
        cmd.Parameters.AddWithValue("$key", answer.AnswerKey);
        cmd.Parameters.AddWithValue("$activity", (object?)answer.ActivityId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$channel", answer.ChannelId);
        cmd.Parameters.AddWithValue("$conversation", answer.ConversationId);
        cmd.Parameters.AddWithValue("$question", answer.Question);
        cmd.Parameters.AddWithValue("$answer", answer.AnswerText);
        cmd.Parameters.AddWithValue("$outcome", answer.Outcome);
        cmd.Parameters.AddWithValue("$citations", answer.CitationsJson);
        cmd.Parameters.AddWithValue("$at", Now());
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetActivityIdAsync(string answerKey, string activityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE sent_answers SET activity_id = $activity WHERE answer_key = $key";
        cmd.Parameters.AddWithValue("$key", answerKey);
        cmd.Parameters.AddWithValue("$activity", activityId);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredFeedback> RecordAsync(FeedbackSubmission feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO feedback(received_at, channel_id, conversation_id, user_id, reaction, feedback_text, source, reply_to_id, answer_key,
                                 question, answer_text, citations_json)
            SELECT $at, $channel, $conversation, $user, $reaction, $text, $source, $reply, coalesce(a.answer_key, $key),
                   a.question, a.answer_text, a.citations_json
            FROM (SELECT 1) LEFT JOIN (
                SELECT answer_key, question, answer_text, citations_json FROM sent_answers
                WHERE ($key IS NOT NULL AND answer_key = $key)
                   OR ($reply IS NOT NULL AND activity_id = $reply AND channel_id = $channel
                       AND (conversation_id = $conversation OR substr(conversation_id, 1, length($base)) = $base))
                ORDER BY conversation_id = $conversation DESC, sent_at DESC LIMIT 1) a
            RETURNING id, received_at, question, answer_text, citations_json, answer_key
            """;
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$channel", feedback.ChannelId);
        cmd.Parameters.AddWithValue("$conversation", feedback.ConversationId);
        cmd.Parameters.AddWithValue("$user", (object?)feedback.UserId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$reaction", feedback.Reaction);
        cmd.Parameters.AddWithValue("$text", (object?)feedback.Text ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$source", feedback.Source);
        cmd.Parameters.AddWithValue("$reply", (object?)feedback.ReplyToId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$key", (object?)feedback.AnswerKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$base", BaseConversationId(feedback.ConversationId));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoredFeedback(
            reader.GetInt64(0),
            DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            feedback with { AnswerKey = reader.IsDBNull(5) ? null : reader.GetString(5) },
            NullableString(reader, 2),
            NullableString(reader, 3),
            NullableString(reader, 4));
    }

    public async Task<IReadOnlyList<StoredFeedback>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT id, received_at, channel_id, conversation_id, user_id, reaction, feedback_text, source, reply_to_id, answer_key,
                   question, answer_text, citations_json
            FROM feedback ORDER BY id DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$limit", limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<StoredFeedback>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var submission = new FeedbackSubmission(
                reader.GetString(2), reader.GetString(3), NullableString(reader, 4), reader.GetString(5), NullableString(reader, 6),
                reader.GetString(7), NullableString(reader, 8), NullableString(reader, 9));
            result.Add(new StoredFeedback(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), submission,
                NullableString(reader, 10), NullableString(reader, 11), NullableString(reader, 12)));
        }

        return result;
    }

    /// <summary>Teams adds <c>;messageid=...</c> to a channel thread's conversation id; feedback may come without it.</summary>
    private static string BaseConversationId(string conversationId)
    {
        var semicolon = conversationId.IndexOf(';', StringComparison.Ordinal);
        return semicolon < 0 ? conversationId : conversationId[..semicolon];
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteSchema.Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteSchema.Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }
}
