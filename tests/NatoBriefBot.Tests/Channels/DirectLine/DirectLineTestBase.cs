using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Channels.DirectLine;

/// <summary>A real bot on Kestrel per test class instance and a Direct Line client for it.</summary>
public abstract class DirectLineTestBase : IAsyncLifetime
{
    private readonly bool _withSeeds;

    protected DirectLineTestBase(bool withSeeds = false) => _withSeeds = withSeeds;

    protected RunningBot Bot { get; private set; } = null!;

    protected DirectLineClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await RunningBot.StartAsync();
        if (_withSeeds)
        {
            await Bot.IngestSeedsAsync();
        }

        Client = new DirectLineClient(Bot.Client);
    }

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
