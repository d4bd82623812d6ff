using System.Net;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.Teams;

/// <summary>What Teams expects of a bot: a welcome when it is installed in a scope (not each time someone joins a team)
/// and the feedback loop in its current form.</summary>
public sealed class TeamsConventionsTests : BotWithConnectorTestBase
{
    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task ConversationUpdate_BotAddedInScope_WelcomesOnce(string scope)
    {
        var conversation = $"install-cu-{scope}";

        var response = await Bot.PostActivityAsync(ActivityBuilder.TeamsMembersAdded(Connector.ServiceUrl, conversation, scope, ActivityBuilder.BotId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(Connector.For(conversation)).Activity;
        Assert.StartsWith("Hello!", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task InstallationUpdate_AddInScope_Welcomes(string scope)
    {
        var conversation = $"install-iu-{scope}";

        var response = await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, scope, "add"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(Connector.For(conversation)).Activity;
        Assert.StartsWith("Hello!", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_BothEventsForOneInstall_WelcomesOnce()
    {
        const string conversation = "install-both";

        await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, "channel", "add"));
        await Bot.PostActivityAsync(ActivityBuilder.TeamsMembersAdded(Connector.ServiceUrl, conversation, "channel", ActivityBuilder.BotId));

        Assert.Single(Connector.For(conversation));
    }

    [Fact]
    public async Task Install_RemovedAndAddedAgain_WelcomesAgain()
    {
        const string conversation = "install-again";

        await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, "personal", "add"));
        await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, "personal", "remove"));
        await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, "personal", "add"));

        Assert.Equal(2, Connector.For(conversation).Count);
    }

    [Fact]
    public async Task ConversationUpdate_BotRemovedAndAddedAgain_WelcomesAgain()
    {
        const string conversation = "readd-cu";
        var removed = ActivityBuilder.TeamsMembersAdded(Connector.ServiceUrl, conversation, "groupChat");
        removed["membersRemoved"] = new[] { new { id = ActivityBuilder.BotId } };

        await Bot.PostActivityAsync(ActivityBuilder.TeamsMembersAdded(Connector.ServiceUrl, conversation, "groupChat", ActivityBuilder.BotId));
        await Bot.PostActivityAsync(removed);
        await Bot.PostActivityAsync(ActivityBuilder.TeamsMembersAdded(Connector.ServiceUrl, conversation, "groupChat", ActivityBuilder.BotId));

        Assert.Equal(2, Connector.For(conversation).Count);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("add-upgrade")]
    [InlineData("remove-upgrade")]
    public async Task InstallationUpdate_NotAFreshInstall_SendsNothing(string action)
    {
        var conversation = $"install-{action}";

        var response = await Bot.PostActivityAsync(ActivityBuilder.InstallationUpdate(Connector.ServiceUrl, conversation, "personal", action));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.For(conversation));
    }

    [Fact]
    public async Task ConversationUpdate_PeopleJoinATeamTheBotIsIn_SendsNothing()
    {
        const string conversation = "team-join";

        var response = await Bot.PostActivityAsync(ActivityBuilder.TeamsMembersAdded(
            Connector.ServiceUrl, conversation, "channel", ActivityBuilder.UserId, "29:user-2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.For(conversation));
    }

    [Fact]
    public async Task Answer_InTeams_EnablesTheDefaultFeedbackLoopWithoutTheLegacyFlag()
    {
        await Bot.PostActivityAsync(ActivityBuilder.Message(Connector.ServiceUrl, "teams-loop", "What was agreed about air defence?", "msteams"));

        var reply = Connector.For("teams-loop")[^1].Activity;
        var channelData = reply.GetProperty("channelData");
        Assert.Equal("default", channelData.GetProperty("feedbackLoop").GetProperty("type").GetString());
        Assert.False(channelData.TryGetProperty("feedbackLoopEnabled", out _), "Teams rejects activities that set both feedbackLoop and feedbackLoopEnabled");
    }
}
