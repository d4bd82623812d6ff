using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Tests.Answering.Llm;
using NatoBriefBot.Tests.Channels.DirectLine;
using NatoBriefBot.Tests.Fakes;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>A slow fake language model writes a three-sentence answer over about seven seconds; the running bot streams it
/// to Teams (through a fake Bot Connector) and Direct Line, and sends the Emulator the final message only.</summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class StreamedAnswerTests : IAsyncLifetime
{
    private const string Question = "What support for Ukraine did defence ministers discuss?";

    private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(120);

    // The scripted reply quotes the first three sentences of whichever passage retrieval puts first, so their lengths vary
    // (a short passage written at a fixed pace took under a second, too fast for any one-a-second update): each sentence
    // takes the same time, so they are finished about 2.3, 4.7 and 7 seconds in, well inside the 12-second turn limit.
    private static readonly TimeSpan SentenceTime = TimeSpan.FromSeconds(7.0 / 3);

    private FakeConnector _connector = null!;
    private FakeOpenAiServer _llm = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _llm = await FakeOpenAiServer.StartAsync();
        _llm.Responder = request =>
        {
            var sentences = LlmEngineIntegrationTests.CitedSentencesOfFirstPassage(request.User, 3);
            return FakeChatReply.Paced([.. sentences.Select((sentence, i) => i == 0 ? sentence : " " + sentence)], SentenceTime);
        };
        _bot = await RunningBot.StartAsync(
            "--Llm:Provider=OpenAICompatible", "--Llm:Model=fake-gpt", "--Llm:Endpoint=" + _llm.OpenAiEndpoint, "--Bot:TypingIntervalSeconds=1");
        await _bot.IngestSeedsAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _llm.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task TeamsPersonalChat_SlowLlm_InformativeThenGrowingTextOneASecondThenFinalWithCitations()
    {
        await _bot.PostActivityAsync(TeamsMessage("stream-teams-1"));

        var posts = _connector.For("stream-teams-1");
        var updates = posts.Take(posts.Count - 1).ToList();
        var infos = updates.Select(p => StreamInfo(p.Activity)).ToList();
        Assert.Equal("informative", infos[0].GetProperty("streamType").GetString());
        var streamed = updates.Where(p => StreamInfo(p.Activity).GetProperty("streamType").GetString() == "streaming").ToList();
        Assert.True(streamed.Count >= 2, $"expected the text to grow over several updates, got {streamed.Count}");
        Assert.Equal(updates.Count, infos.TakeWhile(i => i.GetProperty("streamType").GetString() == "informative").Count() + streamed.Count);
        Assert.Equal(Enumerable.Range(1, infos.Count), infos.Select(i => i.GetProperty("streamSequence").GetInt32()));
        Assert.All(posts.Skip(1), p => Assert.Equal(posts[0].Id, StreamInfo(p.Activity).GetProperty("streamId").GetString()));
        var texts = streamed.Select(p => p.Activity.GetProperty("text").GetString()!).ToList();
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.True(pair.Second.Length > pair.First.Length && pair.Second.StartsWith(pair.First, StringComparison.Ordinal)));
        var sentAt = updates.Select(p => p.Activity.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.All(sentAt.Zip(sentAt.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1),
            $"stream updates sent {(pair.Second - pair.First).TotalMilliseconds:F0} ms apart"));

        var final = posts[^1].Activity;
        Assert.Equal("message", final.GetProperty("type").GetString());
        Assert.Equal("final", StreamInfo(final).GetProperty("streamType").GetString());
        Assert.StartsWith(texts[^1], final.GetProperty("text").GetString(), StringComparison.Ordinal);
        var message = Assert.Single(final.GetProperty("entities").EnumerateArray(), e => e.TryGetProperty("@type", out var t) && t.GetString() == "Message");
        Assert.NotEmpty(message.GetProperty("citation").EnumerateArray());
        Assert.Equal("AIGeneratedContent", Assert.Single(message.GetProperty("additionalType").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task TeamsPersonalChat_StreamedClaimsFailCitationCheck_NoTextStreamedAndFinalSaysNotInBriefings()
    {
        _llm.Responder = _ => FakeChatReply.Slow(
            "The ministers met on the Moon in a glass dome [1]. Delegates travelled there by private rocket [2]. It rained all week [1].", ChunkDelay);

        await _bot.PostActivityAsync(TeamsMessage("stream-teams-unsupported"));

        var posts = _connector.For("stream-teams-unsupported");
        Assert.All(posts.Take(posts.Count - 1), p => Assert.Equal("informative", StreamInfo(p.Activity).GetProperty("streamType").GetString()));
        Assert.DoesNotContain(posts, p => p.Activity.GetRawText().Contains("Moon", StringComparison.Ordinal));
        var final = posts[^1].Activity;
        Assert.Equal("final", StreamInfo(final).GetProperty("streamType").GetString());
        Assert.DoesNotContain(final.GetProperty("entities").EnumerateArray(), e => e.TryGetProperty("@type", out var t) && t.GetString() == "Message");
        Assert.DoesNotContain("[1]", final.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_SlowLlm_TypingWithGrowingTextInChannelDataThenFinalMessageClosingTheStream()
    {
        var client = new DirectLineClient(_bot.Client);
        var (conversationId, token) = await client.StartAsync();
        await client.PollForAsync(conversationId, token, DirectLineClient.IsBotMessage);

        using var posted = await client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            $$"""{"type":"message","from":{"id":"dl-user"},"text":"{{Question}}"}""");
        posted.EnsureSuccessStatusCode();
        var final = await client.PollForAsync(conversationId, token, a => DirectLineClient.IsBotMessage(a) && a.TryGetProperty("replyToId", out _));

        var activities = (await client.GetActivitiesAsync(conversationId, token)).Activities;
        var streamed = activities.Where(a => a.GetProperty("type").GetString() == "typing" && a.TryGetProperty("text", out _)).ToList();
        Assert.True(streamed.Count >= 2, $"expected the text to grow over several updates, got {streamed.Count}");
        var data = streamed.Select(a => a.GetProperty("channelData")).ToList();
        Assert.All(data, d => Assert.Equal("streaming", d.GetProperty("streamType").GetString()));
        Assert.Equal(Enumerable.Range(1, data.Count), data.Select(d => d.GetProperty("streamSequence").GetInt32()));
        Assert.All(data.Skip(1), d => Assert.Equal(streamed[0].GetProperty("id").GetString(), d.GetProperty("streamId").GetString()));
        Assert.Equal("final", final.GetProperty("channelData").GetProperty("streamType").GetString());
        Assert.Equal(streamed[0].GetProperty("id").GetString(), final.GetProperty("channelData").GetProperty("streamId").GetString());
        Assert.StartsWith(streamed[^1].GetProperty("text").GetString()!, final.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(final.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "https://schema.org/Message");
    }

    [Fact]
    public async Task Emulator_SlowLlm_TypingThenFinalMessageOnly()
    {
        await _bot.PostActivityAsync(ActivityBuilder.Message(_connector.ServiceUrl, "emulator-slow-1", Question));

        var posts = _connector.For("emulator-slow-1");
        Assert.Equal("message", posts[^1].Activity.GetProperty("type").GetString());
        Assert.All(posts.Take(posts.Count - 1), p => Assert.False(p.Activity.TryGetProperty("text", out _)));
        Assert.All(posts, p => Assert.DoesNotContain("stream", p.Activity.GetRawText().Replace("emulator-slow-1", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        Assert.Contains("[1]", posts[^1].Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private Dictionary<string, object?> TeamsMessage(string conversationId) =>
        ActivityBuilder.TeamsMessage(_connector.ServiceUrl, conversationId, "personal", Question);

    private static JsonElement StreamInfo(JsonElement activity) => ActivityBuilder.StreamInfo(activity);
}
