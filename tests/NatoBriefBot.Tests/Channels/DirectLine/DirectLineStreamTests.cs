using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NatoBriefBot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests : DirectLineTestBase
{
    [Fact]
    public async Task StreamUrl_AfterStart_PushesWelcomeThenEchoOfPostedActivity()
    {
        var generated = await Client.GenerateAsync();
        using var startResponse = await Client.SendAsync(HttpMethod.Post, "/conversations", generated.GetProperty("token").GetString());
        var started = await DirectLineClient.ReadAsync(startResponse);
        var conversationId = started.GetProperty("conversationId").GetString()!;
        var token = started.GetProperty("token").GetString()!;
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), timeout.Token);

        var welcome = await ReceiveUntilAsync(socket, DirectLineClient.IsBotMessage, timeout.Token);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, timeout.Token);
        using var posted = await Client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            """{"type":"message","text":"hello","channelData":{"clientActivityID":"c-9"}}""");
        var echo = await ReceiveUntilAsync(socket, a => a.TryGetProperty("channelData", out var d) && d.TryGetProperty("clientActivityID", out _), timeout.Token);

        Assert.Equal(conversationId, welcome.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("c-9", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("hello", echo.GetProperty("text").GetString());
    }

    [Fact]
    public async Task StreamUrl_TokenOfAnotherConversation_IsRefused()
    {
        var (conversationA, _) = await Client.StartAsync();
        var (_, tokenB) = await Client.StartAsync();
        using var socket = new ClientWebSocket();
        var url = new UriBuilder(Bot.Client.BaseAddress!) { Scheme = "ws", Path = $"/v3/directline/conversations/{conversationA}/stream", Query = $"t={tokenB}" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
    }

    private static async Task<JsonElement> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> wanted, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length == 0)
            {
                continue;
            }

            var set = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement;
            Assert.True(set.TryGetProperty("watermark", out _));
            foreach (var activity in set.GetProperty("activities").EnumerateArray().Where(wanted))
            {
                return activity.Clone();
            }
        }
    }
}
