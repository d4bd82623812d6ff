using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.DirectLine;

namespace NatoBriefBot.Tests.Channels.DirectLine;

public sealed class ConversationStoreTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Start_AtCapacity_DropsLeastRecentlyUsedConversation()
    {
        var store = NewStore(new DirectLineOptions { MaxConversations = 2 });
        store.Start("a", "u");
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Start("b", "u");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(store.Find("a"));

        store.Start("c", "u");

        Assert.Equal(2, store.Count);
        Assert.Null(store.Find("b"));
        Assert.NotNull(store.Find("a"));
        Assert.NotNull(store.Find("c"));
    }

    [Fact]
    public void Find_IdleLongerThanIdleMinutes_ReturnsNull()
    {
        var store = NewStore(new DirectLineOptions { IdleMinutes = 1 });
        var (_, created) = store.Start("a", "u");
        var (_, createdAgain) = store.Start("a", "u");

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Null(store.Find("a"));
    }

    [Fact]
    public void Append_BeyondCapacity_KeepsNewestAndWatermarkKeepsCounting()
    {
        var (conversation, _) = NewStore(new DirectLineOptions { MaxActivitiesPerConversation = 10 }).Start("conv", "u");

        for (var i = 1; i <= 12; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = $"m{i}" });
        }

        var all = conversation.ReadAfter(0);
        Assert.Equal(10, all.Activities.Count);
        Assert.Equal("m3", all.Activities[0].Text);
        Assert.Equal("conv|0000012", all.Activities[^1].Id);
        Assert.Equal(12, all.Watermark);
        Assert.Equal(["m12"], conversation.ReadAfter(11).Activities.Select(a => a.Text));
        Assert.False(all.MoreArrived.IsCompleted);
        conversation.Append(new Activity { Type = "typing" });
        Assert.True(all.MoreArrived.IsCompleted);
    }

    private ConversationStore NewStore(DirectLineOptions options) => new(Options.Create(options), _clock);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
