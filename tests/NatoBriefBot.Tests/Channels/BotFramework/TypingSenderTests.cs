using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>The repeated typing indicator never follows the reply, even when a repeat is on its way as the reply is sent.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class TypingSenderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Reply_WhileARepeatIsOnItsWay_WaitsForItSoTheReplyArrivesLast()
    {
        var channel = new SlowTypingChannel();
        await using var typing = new TypingSender(channel, Incoming(), Interval, TimeProvider.System);
        await channel.TypingStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var reply = typing.SendAsync(ActivityFactory.ReplyTo(Incoming(), "message"), CancellationToken.None);
        await Task.Delay(Interval * 5);
        Assert.False(reply.IsCompleted);
        channel.ReleaseTyping.SetResult();
        await reply.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["typing", "message"], channel.Arrived);
        Assert.False(channel.TypingCancelled);
    }

    [Fact]
    public async Task Reply_AfterRepeats_NoTypingFollowsIt()
    {
        var channel = new SlowTypingChannel();
        channel.ReleaseTyping.SetResult();
        await using var typing = new TypingSender(channel, Incoming(), Interval, TimeProvider.System);
        while (channel.Arrived.Count < 3)
        {
            await Task.Delay(Interval);
        }

        await typing.SendAsync(ActivityFactory.ReplyTo(Incoming(), "message"), CancellationToken.None);
        await Task.Delay(Interval * 5);

        Assert.Equal("message", channel.Arrived[^1]);
        Assert.Single(channel.Arrived, type => type == "message");
    }

    private static Activity Incoming() => new()
    {
        Type = "message",
        Id = "in-1",
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1/",
        Conversation = new ConversationAccount { Id = "c-1" },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    /// <summary>A channel where a typing indicator is held on its way until released; an activity counts as arrived once its send completes.</summary>
    private sealed class SlowTypingChannel : IActivitySender
    {
        private readonly List<string> _arrived = [];

        public TaskCompletionSource TypingStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseTyping { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool TypingCancelled { get; private set; }

        public IReadOnlyList<string> Arrived
        {
            get
            {
                lock (_arrived)
                {
                    return [.. _arrived];
                }
            }
        }

        public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (activity.Type == "typing")
            {
                TypingStarted.TrySetResult();
                try
                {
                    await ReleaseTyping.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    TypingCancelled = true;
                    throw;
                }
            }

            lock (_arrived)
            {
                _arrived.Add(activity.Type ?? string.Empty);
            }
        }
    }
}
