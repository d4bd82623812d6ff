using System.Text.Json;
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

    [Fact]
    public void Append_BeyondBytesPerConversation_DropsOldestKeepsNewest()
    {
        var store = NewStore(new DirectLineOptions { MaxActivityBytes = 4096, MaxBytesPerConversation = 20_000 });
        var (conversation, _) = store.Start("conv", "u");

        for (var i = 1; i <= 10; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = $"m{i} " + new string('x', 3000) });
        }

        var kept = conversation.ReadAfter(0).Activities;
        Assert.InRange(kept.Sum(SizeOf), 1, 20_000);
        Assert.StartsWith("m10 ", kept[^1].Text, StringComparison.Ordinal);
        Assert.True(kept.Count < 10);
        Assert.InRange(store.Bytes, 1, 20_000);
    }

    [Fact]
    public void Append_BeyondTotalBytes_DropsLeastRecentlyUsedConversations()
    {
        var store = NewStore(new DirectLineOptions { MaxActivityBytes = 4096, MaxBytesPerConversation = 20_000, MaxTotalBytes = 50_000 });

        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            var (conversation, _) = store.Start(id, "u");
            for (var i = 0; i < 5; i++)
            {
                conversation.Append(new Activity { Type = "message", Text = new string('x', 3000) });
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(store.Bytes, 1, 50_000);
        Assert.Null(store.Find("a"));
        Assert.NotNull(store.Find("d"));
    }

    private static int SizeOf(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options).Length;

    private ConversationStore NewStore(DirectLineOptions options) => new(Options.Create(options), _clock);

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
