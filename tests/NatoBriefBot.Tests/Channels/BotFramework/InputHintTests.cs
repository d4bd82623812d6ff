namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>Every message the bot sends says whether it waits for the user (<c>expectingInput</c>: a welcome, a request to
/// ask or rephrase) or is merely ready for more (<c>acceptingInput</c>: an answer).</summary>
public sealed class InputHintTests : BotWithConnectorTestBase
{
    [Theory]
    [InlineData("emulator")]
    [InlineData("msteams")]
    [InlineData("webchat")]
    public async Task Answer_AnyChannel_AcceptingInput(string channel)
    {
        var conversation = $"hint-answer-{channel}";

        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, conversation, "What was agreed about air defence?", channel));

        var reply = Connector.For(conversation)[^1].Activity;
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("acceptingInput", reply.GetProperty("inputHint").GetString());
    }

    [Fact]
    public async Task Welcome_AsksForAQuestion_ExpectingInput()
    {
        await Bot.PostActivityAsync(ActivityBuilder.MembersAdded(Connector.ServiceUrl, "hint-welcome", "emulator", ActivityBuilder.BotId, ActivityBuilder.UserId));

        var welcome = Assert.Single(Connector.For("hint-welcome")).Activity;
        Assert.Equal("expectingInput", welcome.GetProperty("inputHint").GetString());
    }

    [Fact]
    public async Task EmptyQuestion_AsksForOne_ExpectingInput()
    {
        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "hint-empty", "   "));

        var prompt = Assert.Single(Connector.For("hint-empty")).Activity;
        Assert.Equal("expectingInput", prompt.GetProperty("inputHint").GetString());
    }
}
