using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Tests.Channels.BotFramework;

namespace NatoBriefBot.Tests.Reliability;

/// <summary>Many clients starting far more conversations than the bot remembers, against the real host on loopback.</summary>
public sealed class ConversationLoadTests
{
    private const int MaxConversations = 40;
    private const int Clients = 24;

    [Fact]
    public async Task Ask_ThreeTimesMoreConversationsThanLimitFromManyThreads_NoErrors()
    {
        await using var bot = await RunningBot.StartAsync(
            $"--Answering:MaxConversations={MaxConversations}", "--Embedding:Provider=Hashing", "--Limits:AskPerMinute=100000");
        await bot.IngestSeedsAsync();
        var failures = new ConcurrentBag<string>();
        var next = -1;
        var conversations = MaxConversations * 3;

        var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < conversations)
            {
                foreach (var question in new[] { "What did Italy pledge?", "What about Germany?" })
                {
                    using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question, conversation = $"load-{n}" });
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
        var memory = bot.Services.GetRequiredService<NatoBriefBot.Core.Answering.ConversationMemory>();
        Assert.InRange(memory.Count, 1, MaxConversations);
    }
}
