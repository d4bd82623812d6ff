using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.DirectLine;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Direct Line's limits in bytes, configured and enforced on the real host.</summary>
public sealed class DirectLineLimitTests
{
    [Fact]
    public async Task PostActivity_OverConfiguredActivityBytes_413AndNotStored()
    {
        await using var bot = await RunningBot.StartAsync("--DirectLine:MaxActivityBytes=2048");
        var client = new DirectLineClient(bot.Client);
        var (conversation, token) = await client.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token,
            JsonSerializer.Serialize(new { type = "message", text = new string('x', 3000) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", (await DirectLineClient.ReadAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Start_ActivityLimitAboveConversationLimit_RefusesWithTheKeys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningBot.StartAsync(
            "--DirectLine:MaxActivityBytes=65536", "--DirectLine:MaxBytesPerConversation=32768"));

        Assert.Contains("DirectLine:MaxBytesPerConversation", error.Message, StringComparison.Ordinal);
    }
}
