using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Benchmarks;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Tests.Channels.BotFramework;
using static NatoBriefBot.Benchmarks.HostileAttack;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>The attack of <c>bench hostile</c> at a smaller scale against the real host in auth mode: every oversized,
/// unauthenticated or malformed body gets its clear refusal, nothing is a server error, and Direct Line holds no more
/// than its byte limit per conversation.</summary>
public sealed class HostileBodiesTests
{
    private const int PostsPerMinute = 6;
    private const int BytesPerConversation = 128 * 1024;
    private static readonly HostileLoad Load = HostileLoad.Issue8 with { Clients = 4, BodyBytes = 2 * 1024 * 1024, Conversations = 2, Posts = 8 };

    [Fact]
    public async Task HostileAttack_AuthOn_RefusedBySizeTokenOrRateAndNoServerErrors()
    {
        await using var bot = await RunningBot.StartAsync(
            [.. HostileBench.AuthSettings, $"--Limits:PostsPerMinute={PostsPerMinute}", $"--DirectLine:MaxBytesPerConversation={BytesPerConversation}"]);

        var outcome = await HostileAttack.RunAsync(bot.Client, Load, CancellationToken.None);

        var expected = new HashSet<string> { "200", "400", "401", "413", "429", HostileOutcome.Closed };
        Assert.True(outcome.Statuses.All(expected.Contains), $"unexpected statuses: {outcome}");
        Assert.Equal(Load.Clients, outcome.Count(Messages, "413"));
        Assert.Equal(Load.Clients, outcome.Count(Messages, "401"));
        Assert.Equal(Load.Clients, outcome.Count(Messages, "400"));
        Assert.Equal(Load.Clients, outcome.Count(Ask, "413"));
        foreach (var chunked in new[] { Chunked(Messages), Chunked(Ask) })
        {
            // Kestrel stops reading at the limit and closes the connection; a client still sending may not see the 413.
            Assert.Equal(Load.Clients, outcome.Count(chunked, "413") + outcome.Count(chunked, HostileOutcome.Closed));
        }

        // The posts let through by the rate limit alternate between too large (413) and stored (200); the rest wait (429).
        Assert.Equal(PostsPerMinute, outcome.Count(DirectLine, "413") + outcome.Count(DirectLine, "200"));
        Assert.InRange(outcome.Count(DirectLine, "200"), 1, PostsPerMinute - 1);
        Assert.Equal((Load.Conversations * Load.Posts) - PostsPerMinute, outcome.Count(DirectLine, "429"));
        Assert.InRange(bot.Services.GetRequiredService<ConversationStore>().Bytes, 1, Load.Conversations * BytesPerConversation);
    }
}
