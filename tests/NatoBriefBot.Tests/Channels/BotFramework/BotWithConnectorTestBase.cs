namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>A real bot on Kestrel and a fake Bot Connector (a local HTTP server recording the replies) per test.</summary>
public abstract class BotWithConnectorTestBase : IAsyncLifetime
{
    protected RunningBot Bot { get; private set; } = null!;

    protected FakeConnector Connector { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnector.StartAsync();
        Bot = await RunningBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
