using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public class FeedbackParserTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;

    [Fact]
    public void Parse_TeamsSubmitActionWithJsonStringFeedback_ReadsReactionAndText()
    {
        var activity = Parse("""
            {"type":"invoke","name":"message/submitAction","channelId":"msteams","conversation":{"id":"c"},"from":{"id":"u"},"replyToId":"r1",
             "value":{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"Great\"}"}}}
            """);

        var (feedback, error) = FeedbackParser.Parse(activity);

        Assert.Null(error);
        Assert.Equal(("like", "Great", "r1", "u"), (feedback!.Reaction, feedback.Text, feedback.ReplyToId, feedback.UserId));
    }

    [Fact]
    public void Parse_MessageReactionPlusOne_IsLike()
    {
        var activity = Parse("""{"type":"messageReaction","channelId":"webchat","conversation":{"id":"c"},"replyToId":"r2","reactionsAdded":[{"type":"plusOne"}]}""");

        var (feedback, _) = FeedbackParser.Parse(activity);

        Assert.Equal(("like", "r2", "messageReaction"), (feedback!.Reaction, feedback.ReplyToId, feedback.Source));
    }

    [Fact]
    public void Parse_SubmitActionOtherThanFeedback_IsAnError()
    {
        var activity = Parse("""{"type":"invoke","name":"message/submitAction","value":{"actionName":"other"}}""");

        var (feedback, error) = FeedbackParser.Parse(activity);

        Assert.Null(feedback);
        Assert.Contains("actionName", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainMessage_IsNotFeedback()
    {
        Assert.Equal((null, null), FeedbackParser.Parse(Parse("""{"type":"message","text":"hi"}""")));
    }
}
