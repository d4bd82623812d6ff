using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>The activity sequence rules of a streamed answer, on a recording sender (real clock: the throttle is about seconds).</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class StreamingSenderTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly RecordingSender _channel = new();

    [Fact]
    public async Task Teams_TypingThenDrafts_InformativeThenGrowingUpdatesOneStreamRisingSequence()
    {
        await using var stream = Create("msteams", "personal");

        await stream.SendAsync(Typing(), CancellationToken.None);
        stream.Drafts!.Report("First [1].");
        await _channel.UntilAsync(2);
        stream.Drafts.Report("First [1]. Second [2].");
        await _channel.UntilAsync(3);
        await stream.SendAsync(Answer(), CancellationToken.None);

        var sent = _channel.Sent;
        Assert.Equal(["typing", "typing", "typing", "message"], sent.Select(s => s.Activity.Type));
        Assert.Equal([StreamingSender.SearchingText, "First [1].", "First [1]. Second [2]."], sent.Take(3).Select(s => s.Activity.Text));
        Assert.Equal(["informative", "streaming", "streaming", "final"], sent.Select(s => Info(s.Activity).GetProperty("streamType").GetString()));
        Assert.Equal([1, 2, 3], sent.Take(3).Select(s => Info(s.Activity).GetProperty("streamSequence").GetInt32()));
        Assert.False(Info(sent[0].Activity).TryGetProperty("streamId", out _));
        Assert.All(sent.Skip(1), s => Assert.Equal(sent[0].Id, Info(s.Activity).GetProperty("streamId").GetString()));
        Assert.False(Info(sent[3].Activity).TryGetProperty("streamSequence", out _));
        Assert.Contains(sent[3].Activity.Entities!, e => e.TryGetProperty("@type", out var t) && t.GetString() == "Message");
        Assert.All(sent, s => Assert.Null(s.Activity.ChannelData is { } d && d.TryGetProperty("streamType", out _) ? "in channelData" : null));
    }

    [Fact]
    public async Task Drafts_FasterThanOneASecond_AtMostOneUpdateASecondNewestWins()
    {
        await using var stream = Create("msteams", "personal");
        await stream.SendAsync(Typing(), CancellationToken.None);
        var clock = Stopwatch.StartNew();

        for (var i = 1; i <= 25; i++)
        {
            stream.Drafts!.Report(string.Concat(Enumerable.Repeat("Claim [1]. ", i)).TrimEnd());
            await Task.Delay(100);
        }

        // About 2.5 s of drafts; a busy machine stretches the delays, and with them how many updates one a second allows.
        var drafting = clock.Elapsed;
        var full = string.Concat(Enumerable.Repeat("Claim [1]. ", 25)).TrimEnd();
        await _channel.UntilAsync(1 + (int)Math.Floor(clock.Elapsed / Second));
        // The newest draft goes out once the second since the last update has passed: on a busy machine, later.
        await _channel.UntilLastAsync(full);
        await Task.Delay(Second + TimeSpan.FromMilliseconds(200));
        var sent = _channel.Sent;
        var gaps = sent.Zip(sent.Skip(1), (a, b) => b.Activity.Timestamp!.Value - a.Activity.Timestamp!.Value).ToList();
        Assert.All(gaps, g => Assert.True(g >= Second, $"updates sent {g.TotalMilliseconds} ms apart"));
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Second - TimeSpan.FromMilliseconds(20)));
        Assert.InRange(sent.Count, 3, 2 + (int)Math.Ceiling(drafting / Second));
        Assert.Equal(full, sent[^1].Activity.Text);
        var texts = sent.Skip(1).Select(s => s.Activity.Text!).ToList();
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Final_WhileADraftWaits_DraftIsNeverSentAndNothingFollowsTheFinal()
    {
        await using var stream = Create("msteams", "personal");
        await stream.SendAsync(Typing(), CancellationToken.None);

        stream.Drafts!.Report("Unchecked draft that the final replaces [1].");
        await stream.SendAsync(Answer(), CancellationToken.None);
        stream.Drafts.Report("Too late [1].");
        await stream.SendAsync(Typing(), CancellationToken.None);
        await Task.Delay(Second + TimeSpan.FromMilliseconds(300));

        Assert.Equal(["typing", "message"], _channel.Sent.Select(s => s.Activity.Type));
        Assert.Equal("final", Info(_channel.Sent[^1].Activity).GetProperty("streamType").GetString());
    }

    [Fact]
    public async Task Teams_TypingOnceDraftsFlow_Dropped()
    {
        await using var stream = Create("msteams", "personal");
        await stream.SendAsync(Typing(), CancellationToken.None);
        stream.Drafts!.Report("First [1].");
        await _channel.UntilAsync(2);

        await stream.SendAsync(Typing(), CancellationToken.None);
        await Task.Delay(Second + TimeSpan.FromMilliseconds(100));
        await stream.SendAsync(Typing(), CancellationToken.None);

        Assert.Equal(["informative", "streaming"], _channel.Sent.Select(s => Info(s.Activity).GetProperty("streamType").GetString()));
    }

    [Fact]
    public async Task Teams_TypingLoopWhileADraftWaits_DraftTakesTheNextUpdate()
    {
        await using var stream = Create("msteams", "personal");
        await stream.SendAsync(Typing(), CancellationToken.None);
        stream.Drafts!.Report("First [1].");

        // A typing loop that ticks far more often than the update interval reaches the allowed moment before the draft does.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Second + Second / 2)
        {
            await stream.SendAsync(Typing(), CancellationToken.None);
            await Task.Delay(20);
        }

        await _channel.UntilAsync(2);
        Assert.Equal(["informative", "streaming"], _channel.Sent.Select(s => Info(s.Activity).GetProperty("streamType").GetString()));
        Assert.Equal("First [1].", _channel.Sent[1].Activity.Text);
    }

    [Fact]
    public async Task WebChat_Drafts_LivestreamInChannelDataAndEntityFinalMergesChannelData()
    {
        await using var stream = Create("webchat", null);

        await stream.SendAsync(Typing(), CancellationToken.None);
        stream.Drafts!.Report("Rutte said <b>yes</b> [1].");
        await _channel.UntilAsync(2);
        stream.Drafts.Report("Rutte said <b>yes</b> [1]. More [2].");
        await _channel.UntilAsync(3);
        await stream.SendAsync(Answer() with { ChannelData = JsonSerializer.SerializeToElement(new { kept = true }) }, CancellationToken.None);

        var sent = _channel.Sent;
        Assert.Null(sent[0].Activity.Text);
        Assert.Null(sent[0].Activity.Entities);
        Assert.Null(sent[0].Activity.ChannelData);
        var data = sent.Skip(1).Select(s => s.Activity.ChannelData!.Value).ToList();
        Assert.Equal(["streaming", "streaming", "final"], data.Select(d => d.GetProperty("streamType").GetString()));
        Assert.Equal([1, 2], data.Take(2).Select(d => d.GetProperty("streamSequence").GetInt32()));
        Assert.False(data[0].TryGetProperty("streamId", out _));
        Assert.Equal([sent[1].Id, sent[1].Id], data.Skip(1).Select(d => d.GetProperty("streamId").GetString()));
        Assert.True(data[2].GetProperty("kept").GetBoolean());
        Assert.Equal(["streaming", "streaming", "final"], sent.Skip(1).Select(s => Info(s.Activity).GetProperty("streamType").GetString()));
        Assert.DoesNotContain("<b>", sent[1].Activity.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", sent[1].Activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emulator", null)]
    [InlineData("msteams", "groupChat")]
    [InlineData("msteams", "channel")]
    public void For_ChannelWithoutStreams_Null(string channel, string? scope)
    {
        Assert.Null(StreamingSender.For(Incoming(channel, scope), _channel, new BotChannelOptions(), TimeProvider.System));
    }

    [Fact]
    public void For_StreamAnswersOff_TeamsKeepsInformativeUpdatesWithoutDraftsWebChatPlain()
    {
        var options = new BotChannelOptions { StreamAnswers = false };

        Assert.Null(StreamingSender.For(Incoming("msteams", "personal"), _channel, options, TimeProvider.System)!.Drafts);
        Assert.Null(StreamingSender.For(Incoming("webchat", null), _channel, options, TimeProvider.System));
    }

    private StreamingSender Create(string channel, string? scope) =>
        StreamingSender.For(Incoming(channel, scope), _channel, new BotChannelOptions(), TimeProvider.System)!;

    private static Activity Incoming(string channel, string? scope) => new()
    {
        Type = "message",
        Id = "in-1",
        ChannelId = channel,
        ServiceUrl = "http://127.0.0.1/",
        Conversation = new ConversationAccount { Id = "c-1", ConversationType = scope },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private static Activity Typing() => ActivityFactory.ReplyTo(Incoming("msteams", "personal"), "typing");

    private static Activity Answer() => ActivityFactory.ReplyTo(Incoming("msteams", "personal"), "message") with
    {
        Text = "First [1]. Second [2]. Third [1].",
        Entities = [JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["type"] = "https://schema.org/Message", ["@type"] = "Message" })],
    };

    private static JsonElement Info(Activity activity) =>
        Assert.Single(activity.Entities ?? [], e => e.GetProperty("type").GetString() == "streaminfo");

    /// <summary>Records what is sent and when, and gives each activity an id as a channel does.</summary>
    private sealed class RecordingSender : IActivitySender
    {
        private readonly List<(Activity Activity, string Id, DateTimeOffset At)> _sent = [];

        public IReadOnlyList<(Activity Activity, string Id, DateTimeOffset At)> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public Task SendAsync(Activity activity, CancellationToken cancellationToken) => SendAndGetIdAsync(activity, cancellationToken);

        public Task<string?> SendAndGetIdAsync(Activity activity, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                var id = $"a-{_sent.Count + 1}";
                _sent.Add((activity, id, DateTimeOffset.UtcNow));
                return Task.FromResult<string?>(id);
            }
        }

        public async Task UntilAsync(int count)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (Sent.Count < count)
            {
                await Task.Delay(10, limit.Token);
            }
        }

        /// <summary>Waits (up to 20 s) until the last activity sent has this text.</summary>
        public async Task UntilLastAsync(string text)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (Sent is not [.., var last] || last.Activity.Text != text)
            {
                await Task.Delay(10, limit.Token);
            }
        }
    }
}
