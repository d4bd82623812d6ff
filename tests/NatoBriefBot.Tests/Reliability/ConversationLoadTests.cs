using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Channels.DirectLine;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Channels.DirectLine;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Many clients starting far more conversations than the bot remembers, against the real host on loopback.</summary>
public sealed class ConversationLoadTests
{
    private const int MaxConversations = 40;
    private const int Clients = 48;
    private const int Conversations = MaxConversations * 3;
    private static readonly string[] Questions = ["What did Italy pledge?", "What about Germany?"];

    private static Task<RunningBot> StartAsync() => RunningBot.StartAsync(
        $"--Answering:MaxConversations={MaxConversations}", $"--DirectLine:MaxConversations={MaxConversations}", "--Embedding:Provider=Hashing",
        "--Limits:AskPerMinute=100000", "--Limits:TokensPerMinute=100000", "--Limits:PostsPerMinute=100000");

    /// <summary>Runs <paramref name="conversation"/> for conversation numbers 0 to <see cref="Conversations"/> - 1 on
    /// <see cref="Clients"/> concurrent workers; returns what went wrong.</summary>
    private static async Task<List<string>> RunClientsAsync(Func<int, ConcurrentBag<string>, Task> conversation)
    {
        var failures = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Conversations)
            {
                await conversation(n, failures);
            }
        })));
        return [.. failures];
    }

    [Fact]
    public async Task AskAndBotFramework_ThreeTimesMoreConversationsThanLimitFromManyThreads_NoErrors()
    {
        await using var bot = await StartAsync();
        await bot.IngestSeedsAsync();

        var failures = await RunClientsAsync(async (n, failures) =>
        {
            foreach (var question in Questions)
            {
                using var asked = await bot.Client.PostAsJsonAsync("/api/ask", new { question, conversation = $"load-{n}" });
                if (asked.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"ask {(int)asked.StatusCode}: {await asked.Content.ReadAsStringAsync()}");
                }

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
        });

        Assert.Empty(failures);
        Assert.InRange(bot.Services.GetRequiredService<ConversationMemory>().Count, 1, MaxConversations);
    }

    [Fact]
    public async Task DirectLine_ThreeTimesMoreConversationsThanLimitFromManyThreads_NoServerErrors()
    {
        await using var bot = await StartAsync();
        var client = new DirectLineClient(bot.Client);

        var failures = await RunClientsAsync(async (n, failures) =>
        {
            var (conversation, token) = await client.StartAsync();
            using var post = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversation}/activities", token,
                JsonSerializer.Serialize(new { type = "message", text = Questions[n % 2] }));
            // A conversation dropped to make room for newer ones is a 404 with a reason; anything else is a failure.
            if (post.StatusCode is not HttpStatusCode.OK and not HttpStatusCode.NotFound)
            {
                failures.Add($"post {(int)post.StatusCode}: {await post.Content.ReadAsStringAsync()}");
            }
        });

        Assert.Empty(failures);
        Assert.InRange(bot.Services.GetRequiredService<ConversationStore>().Count, 1, MaxConversations);
    }
}
