using Microsoft.Data.Sqlite;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Storage;

public sealed class FeedbackStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "natobriefbot-feedback-" + Guid.NewGuid().ToString("N"));

    public FeedbackStoreTests() => Directory.CreateDirectory(_folder);

    private string DbPath => Path.Combine(_folder, "index.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static SentAnswer Answer(string key, string? activityId, string conversation) =>
        new(key, activityId, "msteams", conversation, "Who chaired?", "The chair was X [1].", "answered", """[{"n":1}]""");

    private static FeedbackSubmission Feedback(string conversation, string? replyToId, string? answerKey = null) =>
        new("msteams", conversation, "u1", "like", "Good", "invoke:message/submitAction", replyToId, answerKey);

    [Fact]
    public async Task RecordAsync_ReplyIdInThreadWithMessageIdSuffix_StoresTheAnswerContext()
    {
        var store = new FeedbackStore(DbPath);
        await store.RememberAnswerAsync(Answer("k1", "1700000000001", "19:abc@thread.tacv2;messageid=1699999999999"));

        var stored = await store.RecordAsync(Feedback("19:abc@thread.tacv2", "1700000000001"));

        Assert.Equal(("Who chaired?", "The chair was X [1].", """[{"n":1}]""", "k1"), (stored.Question, stored.AnswerText, stored.CitationsJson, stored.Submission.AnswerKey));
    }

    [Fact]
    public async Task RecordAsync_SameReplyIdInAnotherConversation_DoesNotBorrowItsAnswer()
    {
        var store = new FeedbackStore(DbPath);
        await store.RememberAnswerAsync(Answer("k1", "42", "conversation-a"));

        var stored = await store.RecordAsync(Feedback("conversation-b", "42"));

        Assert.Null(stored.Question);
        Assert.Equal("Good", (await store.ListAsync()).Single().Submission.Text);
    }

    [Fact]
    public async Task SetActivityIdAsync_ThenFeedbackByThatId_FindsTheAnswer()
    {
        var store = new FeedbackStore(DbPath);
        await store.RememberAnswerAsync(Answer("k2", null, "c"));
        await store.SetActivityIdAsync("k2", "reply-7");

        var stored = await store.RecordAsync(Feedback("c", "reply-7"));

        Assert.Equal("k2", stored.Submission.AnswerKey);
    }

    [Fact]
    public async Task Constructor_SameFileAsTheIndex_BothOpenAgainAndKeepData()
    {
        var first = new FeedbackStore(DbPath);
        await first.RecordAsync(Feedback("c", null, "unknown"));

        _ = new BriefingStore(DbPath);
        var second = new FeedbackStore(DbPath);

        Assert.Single(await second.ListAsync());
    }

    [Fact]
    public void Constructor_SqliteFileOfAnotherApp_ThrowsWithoutTouchingIt()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE other(x INTEGER)";
            cmd.ExecuteNonQuery();
        }

        Assert.Throws<BriefBotException>(() => new FeedbackStore(DbPath));

        using var check = new SqliteConnection($"Data Source={DbPath}");
        check.Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }
}
