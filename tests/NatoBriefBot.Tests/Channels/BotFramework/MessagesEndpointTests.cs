using System.Net;
using System.Text;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public sealed class MessagesEndpointTests : BotWithConnectorTestBase
{
    [Fact]
    public async Task PostMessage_FromChannel_SendsTypingThenReplyToConnector()
    {
        var response = await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "a:b/c d", "What did the ministers agree?", id: "1|2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = Connector.For("a:b/c d");
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("/v3/conversations/a%3Ab%2Fc%20d/activities/1%7C2", p.RawPath));
        Assert.Equal("typing", posts[0].Activity.GetProperty("type").GetString());
        var reply = posts[1].Activity;
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("1|2", reply.GetProperty("replyToId").GetString());
        Assert.Equal(ActivityBuilder.BotId, reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(ActivityBuilder.UserId, reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("a:b/c d", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("text").GetString()));
        Assert.Null(posts[1].Authorization);
    }

    [Fact]
    public async Task PostMessage_ExpectReplies_ReturnsActivitiesInResponseAndSendsNothing()
    {
        var activity = ActivityBuilder.Message(Connector.ServiceUrl, "expect-1", "What did the ministers agree?", id: "act-1");
        activity["deliveryMode"] = "expectReplies";

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = (await RunningBot.ReadJsonAsync(response)).GetProperty("activities").EnumerateArray().ToList();
        TypingThenAnswer.Assert([.. activities.Select(a => a.GetProperty("type").GetString())]);
        Assert.Equal("act-1", activities[^1].GetProperty("replyToId").GetString());
        Assert.Empty(Connector.For("expect-1"));
    }

    [Theory]
    [InlineData("this is not json", "not a JSON activity")]
    [InlineData("[1, 2]", "not a JSON activity")]
    [InlineData("null", "empty or null")]
    [InlineData("{}", "'type'")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u"}}""", "'conversation.id'")]
    [InlineData("""{"type":"message","channelId":"emulator","conversation":{"id":"c"},"from":{"id":"u"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"ftp://x/","conversation":{"id":"c"},"from":{"id":"u"}}""", "'serviceUrl'")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"}}""", "'from.id'")]
    [InlineData("""{"type":"message","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"}}""", "'channelId'")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"},"membersAdded":5}""", "not a JSON activity")]
    public async Task PostMalformedActivity_Returns400WithReason(string body, string reasonPart)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await Bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await RunningBot.ReadJsonAsync(response)).GetProperty("error").GetString();
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
        Assert.Empty(Connector.Posts);
    }

    [Fact]
    public async Task PostMessage_ReplyFailsMidTurn_SendsPoliteMessageWithoutStackTrace()
    {
        var conversation = FakeConnector.FailTypingPrefix + "-1";

        var response = await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, conversation, "Anything?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = Connector.For(conversation)[^1].Activity;
        Assert.Equal("message", last.GetProperty("type").GetString());
        Assert.Equal(BriefingBot.ErrorText, last.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostMessage_EmptyText_AsksForAQuestion()
    {
        var response = await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "empty-1", "  <at>Bot</at>  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posts = Connector.For("empty-1");
        Assert.Single(posts);
        Assert.Equal(BriefingBot.EmptyQuestionText, posts[0].Activity.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostUnknownInvoke_Returns501()
    {
        var activity = ActivityBuilder.Message(Connector.ServiceUrl, "invoke-1", "");
        activity["type"] = "invoke";
        activity["name"] = "composeExtension/query";

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task PostMessages_FiftyConversationsAtOnce_AllAnsweredInTheirOwnConversation()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"load-{i}").ToList();

        var responses = await Task.WhenAll(ids.Select(id =>
            Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, id, $"Question number {id}?", channelId: "webchat", id: $"in-{id}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var id in ids)
        {
            var posts = Connector.For(id);
            TypingThenAnswer.Assert([.. posts.Select(p => p.Activity.GetProperty("type").GetString())]);
            Assert.Equal($"in-{id}", posts[^1].Activity.GetProperty("replyToId").GetString());
            Assert.NotEqual(BriefingBot.ErrorText, posts[^1].Activity.GetProperty("text").GetString());
        }
    }
}
