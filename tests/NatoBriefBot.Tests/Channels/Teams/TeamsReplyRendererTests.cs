using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.Teams;

public class TeamsReplyRendererTests
{
    [Fact]
    public void Render_Teams_KeepsMarkersAndAddsExactlyOneMessageEntity()
    {
        var citation = new Citation(1, "a.txt", new string('T', 120), new DateOnly(2023, 6, 15), "Anadolu Agency", "https://example.org/a", new string('q', 400));

        var reply = ReplyRenderer.Render(ReplyRendererTests.Answered(citation), "msteams", "k");

        Assert.Equal("They agreed on a plan [1][2].", reply.Text);
        var message = Assert.Single(reply.Entities!);
        Assert.Equal("https://schema.org/Message", message.GetProperty("type").GetString());
        Assert.Equal("Message", message.GetProperty("@type").GetString());
        Assert.Equal("https://schema.org", message.GetProperty("@context").GetString());
        Assert.Equal("", message.GetProperty("@id").GetString());
        Assert.Equal("AIGeneratedContent", message.GetProperty("additionalType")[0].GetString());
        var claim = Assert.Single(message.GetProperty("citation").EnumerateArray());
        Assert.Equal("Claim", claim.GetProperty("@type").GetString());
        Assert.Equal(1, claim.GetProperty("position").GetInt32());
        var appearance = claim.GetProperty("appearance");
        Assert.Equal("DigitalDocument", appearance.GetProperty("@type").GetString());
        Assert.InRange(appearance.GetProperty("name").GetString()!.Length, 1, 80);
        Assert.InRange(appearance.GetProperty("abstract").GetString()!.Length, 1, 160);
        Assert.Equal("https://example.org/a", appearance.GetProperty("url").GetString());
        Assert.Equal(["15 Jun 2023", "Anadolu Agency"], appearance.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("default", reply.ChannelData!.Value.GetProperty("feedbackLoop").GetProperty("type").GetString());
        Assert.False(reply.ChannelData!.Value.TryGetProperty("feedbackLoopEnabled", out _));
    }

    [Fact]
    public void Render_TeamsWithMoreThanTwentyCitations_KeepsTwentyClaims()
    {
        var citations = Enumerable.Range(1, 25).Select(n => new Citation(n, "f", $"T{n}", null, null, null, "q")).ToArray();

        var reply = ReplyRenderer.Render(ReplyRendererTests.Answered(citations), "msteams", "k");

        Assert.Equal(20, reply.Entities![0].GetProperty("citation").GetArrayLength());
    }

    [Fact]
    public void Render_TeamsFailedAnswer_HasNoEntity()
    {
        var reply = ReplyRenderer.Render(new Answer("Q", AnswerOutcome.Failed, "The index is missing.", []), "msteams", "k");

        Assert.Null(reply.Entities);
        Assert.Equal(JsonValueKind.Object, reply.ChannelData!.Value.ValueKind);
    }
}
