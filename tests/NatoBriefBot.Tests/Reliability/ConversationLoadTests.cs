using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.DirectLine;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>
/// The load test of issue 8: 200 concurrent clients against the real host on loopback start three times more new
/// conversations than the bot remembers (<c>Answering:MaxConversations</c> and <c>DirectLine:MaxConversations</c>), each
/// over <c>/api/ask</c>, Bot Framework turns and Direct Line. Rate limits are raised out of the way (they have their own tests).
/// </summary>
public sealed class ConversationLoadTests
{
    private const int Clients = 200;
    private const int MaxConversations = Clients;
    private const int Conversations = MaxConversations * 3;
    private const string RateLimit = "1000000";
    private static readonly string[] Questions = ["What did Italy pledge?", "What about Germany?"];

    [Fact]
    public async Task AllChannels_200ClientsStartThreeTimesMoreConversationsThanLimit_NoErrors()
    {
        var logs = new LogRecorder();
        await using var bot = await RunningBot.StartAsync(
            services => services.AddSingleton<ILoggerProvider>(logs),
            $"--Answering:MaxConversations={MaxConversations}", $"--DirectLine:MaxConversations={MaxConversations}", "--Embedding:Provider=Hashing",
            $"--Limits:AskPerMinute={RateLimit}", $"--Limits:TokensPerMinute={RateLimit}", $"--Limits:PostsPerMinute={RateLimit}");
        await bot.IngestSeedsAsync();
        var directLine = new DirectLineClient(bot.Client);
        var failures = new ConcurrentBag<string>();
        var answeredOverDirectLine = 0;

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Conversations)
            {
                await AskAsync(bot, n, failures);
                await BotFrameworkTurnsAsync(bot, n, failures);
                if (await DirectLineTurnAsync(directLine, n, failures))
                {
                    Interlocked.Increment(ref answeredOverDirectLine);
                }
            }
        })));

        Assert.Empty(failures);
        Assert.InRange(answeredOverDirectLine, 1, Conversations);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.InRange(bot.Services.GetRequiredService<ConversationMemory>().Count, 1, MaxConversations);
        Assert.InRange(bot.Services.GetRequiredService<ConversationStore>().Count, 1, MaxConversations);
    }

    private static async Task AskAsync(RunningBot bot, int n, ConcurrentBag<string> failures)
    {
        foreach (var question in Questions)
        {
            using var asked = await bot.Client.PostAsJsonAsync("/api/ask", new { question, conversation = $"load-{n}" });
            if (asked.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"ask {(int)asked.StatusCode}: {await asked.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static async Task BotFrameworkTurnsAsync(RunningBot bot, int n, ConcurrentBag<string> failures)
    {
        foreach (var question in Questions)
        {
            var activity = ActivityBuilder.Message("http://127.0.0.1:9/", $"bf-load-{n}", question);
            activity["deliveryMode"] = "expectReplies";
            using var turn = await bot.PostActivityAsync(activity);
            var text = turn.StatusCode == HttpStatusCode.OK
                ? (await RunningBot.ReadJsonAsync(turn)).GetProperty("activities").EnumerateArray().Last().GetProperty("text").GetString()
                : null;
            if (text is null or BriefingBot.ErrorText)
            {
                failures.Add($"turn {(int)turn.StatusCode}: {text}");
            }
        }
    }

    /// <summary>One question over Direct Line and its reply. A conversation dropped to make room for newer ones answers
    /// 404 with a reason; that is the limit working, not a failure. True when the reply arrived.</summary>
    private static async Task<bool> DirectLineTurnAsync(DirectLineClient client, int n, ConcurrentBag<string> failures)
    {
        var (conversation, token) = await client.StartAsync();
        using var post = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token,
            JsonSerializer.Serialize(new { type = "message", text = Questions[n % 2] }));
        if (post.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (post.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"direct line post {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync()}");
            return false;
        }

        var id = (await DirectLineClient.ReadAsync(post)).GetProperty("id").GetString();
        var reply = await client.TryPollForAsync(conversation, token,
            a => DirectLineClient.IsBotMessage(a) && a.TryGetProperty("replyToId", out var to) && to.GetString() == id);
        if (reply?.GetProperty("text").GetString() is BriefingBot.ErrorText)
        {
            failures.Add($"direct line reply: {BriefingBot.ErrorText}");
        }

        return reply is not null;
    }
}
