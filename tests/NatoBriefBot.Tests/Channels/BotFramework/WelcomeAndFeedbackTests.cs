using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public sealed class WelcomeAndFeedbackTests : BotWithConnectorTestBase
{
    [Fact]
    public async Task ConversationUpdate_EmulatorUserAdded_WelcomesWithCatalogSizeAndSuggestedQuestions()
    {
        await Bot.IngestSeedsAsync();
        var summary = await Bot.Services.GetRequiredService<IBriefingCatalog>().GetSummaryAsync();

        var response = await Bot.PostActivityAsync(ActivityBuilder.MembersAdded(Connector.ServiceUrl, "welcome-1", "emulator", ActivityBuilder.BotId, ActivityBuilder.UserId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(Connector.For("welcome-1")).Activity;
        Assert.Contains($"I know {summary.BriefingCount} briefings", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        var actions = welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.InRange(actions.Count, 3, 4);
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.All(actions, a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task ConversationUpdate_EmulatorOnlyBotAdded_SendsNothing()
    {
        var response = await Bot.PostActivityAsync(ActivityBuilder.MembersAdded(Connector.ServiceUrl, "welcome-2", "emulator", ActivityBuilder.BotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.For("welcome-2"));
    }

    [Fact]
    public async Task SubmitAction_TeamsFeedbackOnAnswer_StoredWithQuestionAnswerAndCitations()
    {
        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "teams-fb", "What was agreed about air defence?", "msteams"));
        var reply = Connector.For("teams-fb")[^1];

        var response = await Bot.PostActivityAsync(ActivityBuilder.SubmitFeedback(
            Connector.ServiceUrl, "teams-fb", "msteams", reply.Id, "dislike", """{"feedbackText":"Missing the date"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RunningBot.ReadJsonAsync(response);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        var row = ReadFeedback().Single();
        Assert.Equal(("msteams", "dislike", "Missing the date"), (row["channel_id"], row["reaction"], row["feedback_text"]));
        Assert.Equal("What was agreed about air defence?", row["question"]);
        Assert.Equal(reply.Activity.GetProperty("text").GetString(), row["answer_text"]);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse((string)row["citations_json"]!).RootElement.ValueKind);
    }

    [Fact]
    public async Task SubmitAction_WebChatFormWithObjectFeedback_Stored()
    {
        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "wc-form", "Who chaired the meeting?", "webchat"));
        var reply = Connector.For("wc-form")[^1];

        var response = await Bot.PostActivityAsync(ActivityBuilder.SubmitFeedback(
            Connector.ServiceUrl, "wc-form", "webchat", reply.Id, "like", new { feedbackText = "" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = ReadFeedback().Single();
        Assert.Equal(("like", null, "Who chaired the meeting?"), (row["reaction"], row["feedback_text"], row["question"]));
    }

    [Fact]
    public async Task FeedbackEvent_WebChatLikeActionWithAnswerKey_StoredWithItsAnswer()
    {
        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "wc-event", "What about Ukraine?", "webchat"));
        var answerKey = ReadAnswerKey("wc-event");
        var feedbackEvent = ActivityBuilder.Message(Connector.ServiceUrl, "wc-event", "");
        feedbackEvent["type"] = "event";
        feedbackEvent["name"] = FeedbackParser.WebChatFeedbackEvent;
        feedbackEvent["entities"] = new object[]
        {
            new Dictionary<string, object> { ["@type"] = "LikeAction", ["@id"] = $"{WebChatReplyRenderer.FeedbackActionPrefix}{answerKey}:like", ["actionStatus"] = "CompletedActionStatus" },
        };

        var response = await Bot.PostActivityAsync(feedbackEvent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = ReadFeedback().Single();
        Assert.Equal(("like", "What about Ukraine?", answerKey), (row["reaction"], row["question"], row["answer_key"]));
    }

    [Fact]
    public async Task SubmitAction_BadReaction_Returns400AndStoresNothing()
    {
        var response = await Bot.PostActivityAsync(ActivityBuilder.SubmitFeedback(Connector.ServiceUrl, "bad-fb", "msteams", "x", "meh", "{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(ReadFeedback());
    }

    private string ReadAnswerKey(string conversationId)
    {
        using var connection = new SqliteConnection($"Data Source={Bot.DatabasePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT answer_key FROM sent_answers WHERE conversation_id = $c";
        cmd.Parameters.AddWithValue("$c", conversationId);
        return (string)cmd.ExecuteScalar()!;
    }

    private List<Dictionary<string, object?>> ReadFeedback()
    {
        using var connection = new SqliteConnection($"Data Source={Bot.DatabasePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT * FROM feedback ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }
}
