using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Channels.BotFramework;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.ScaleOut;

/// <summary>Three instances behind nginx sharing Redis: follow-ups, Direct Line, feedback, de-dup, failures and load.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture)
{
    private const string Question = "What did Italy pledge?";
    private const string FollowUp = "What about Germany?";

    [Fact]
    public async Task FollowUp_TurnsOnDifferentInstances_KeepTheConversation()
    {
        var conversation = NewId();
        var first = await AskAsync(fixture.InstanceUrl(0), Question, conversation);
        var second = await AskAsync(fixture.InstanceUrl(1), FollowUp, conversation);
        var third = await AskAsync(fixture.BaseUrl, "And France?", conversation);

        Assert.Equal("answered", first.GetProperty("outcome").GetString());
        Assert.DoesNotContain(AnswerService.FollowUpsUnavailable, second.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var turns = await TurnsAsync(conversation);
        Assert.Equal(3, turns.Count);
        Assert.Contains("pledge", turns[1].ResolvedQuestion, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("pledge", turns[2].ResolvedQuestion, StringComparison.OrdinalIgnoreCase);

        // The same follow-up in a conversation of its own is not rewritten: the context above came from Redis.
        var alone = NewId();
        await AskAsync(fixture.InstanceUrl(2), FollowUp, alone);
        Assert.Equal(FollowUp, Assert.Single(await TurnsAsync(alone)).ResolvedQuestion);
    }

    [Fact]
    public async Task DirectLine_PostThroughOneStreamFromAnother_SeesEveryActivityOnceInOrder()
    {
        var (conversationId, bearer, startUrl) = await StartDirectLineAsync(tokenFrom: 0, startOn: 1);
        var streamUrl = new UriBuilder(startUrl) { Port = fixture.BotPorts[2] }.Uri;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, CancellationToken.None);
        var questions = new[] { "Who is the new NATO Secretary General?", Question, FollowUp };
        var posted = new List<string>();
        foreach (var (q, i) in questions.Select((q, i) => (q, i)))
        {
            var body = new { type = "message", text = q, from = new { id = "user-1" } };
            var reply = await PostJsonAsync($"{fixture.InstanceUrl(i % 2)}/v3/directline/conversations/{conversationId}/activities", body, bearer);
            posted.Add(reply.GetProperty("id").GetString()!);
        }

        var streamed = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (streamed.Count(a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("id").GetString() != "user-1"
                                   && a.TryGetProperty("replyToId", out _)) < questions.Length)
        {
            streamed.AddRange((await ReceiveAsync(socket, timeout.Token)).GetProperty("activities").EnumerateArray());
        }

        var ids = streamed.Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(posted, id => Assert.Contains(id, ids));

        // Polling through the load balancer gives the same log.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.BaseUrl}/v3/directline/conversations/{conversationId}/activities?watermark=0");
        request.Headers.Authorization = new("Bearer", bearer);
        using var response = await fixture.Http.SendAsync(request);
        var all = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids, all.Take(ids.Count));
    }

    [Fact]
    public async Task DirectLine_FollowUpPostedToAnotherInstanceAtOnce_RunsAfterTheQuestionsTurn()
    {
        var (conversationId, bearer, _) = await StartDirectLineAsync(tokenFrom: 0, startOn: 0);

        // The follow-up reaches another instance before the question's answer exists.
        var question = await PostJsonAsync($"{fixture.InstanceUrl(0)}/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", text = Question, from = new { id = "user-1" } }, bearer);
        var followUp = await PostJsonAsync($"{fixture.InstanceUrl(1)}/v3/directline/conversations/{conversationId}/activities",
            new { type = "message", text = FollowUp, from = new { id = "user-1" } }, bearer);
        var (questionId, followUpId) = (question.GetProperty("id").GetString(), followUp.GetProperty("id").GetString());

        List<JsonElement> log = [];
        bool Answered(string? id) => log.Any(a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(Answered(questionId) && Answered(followUpId)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.BaseUrl}/v3/directline/conversations/{conversationId}/activities?watermark=0");
            request.Headers.Authorization = new("Bearer", bearer);
            using var response = await fixture.Http.SendAsync(request);
            log = [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray()];
        }

        Assert.True(Answered(questionId) && Answered(followUpId), "both questions answered");
        // Every reply to the question (typing, answer) comes before any reply to the follow-up: the turns did not overlap.
        var replies = log.Where(a => a.TryGetProperty("replyToId", out _)).Select(a => a.GetProperty("replyToId").GetString()).ToList();
        Assert.True(replies.LastIndexOf(questionId) < replies.IndexOf(followUpId), string.Join(", ", replies));
        var turns = await TurnsAsync(conversationId, NatoBriefBot.Channels.DirectLine.DirectLineEndpoints.ChannelId);
        Assert.Equal(2, turns.Count);
        Assert.Contains("pledge", turns[1].ResolvedQuestion, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectLine_TurnWhoseInstanceDied_LeavesTheQueueOnceItsLeaseLapses()
    {
        await using var redis = await fixture.ConnectRedisAsync();
        var db = redis.GetDatabase();
        var prefix = fixture.KeyPrefix + "dl:";
        var id = "queue-" + NewId();
        // Turn 3 is queued but its instance is gone (no lease); turn 5 is queued with a live lease; turn 7 asks.
        await db.SortedSetAddAsync(prefix + id + ":turns", [new(3, 3), new(5, 5), new(7, 7)]);
        await db.StringSetAsync(prefix + id + ":turn:5", 1, TimeSpan.FromSeconds(30));

        async Task<long> NextAsync(long seq) =>
            (long)await db.ScriptEvaluateAsync(NatoBriefBot.Channels.DirectLine.RedisDirectLineScripts.NextTurn, [], [prefix, 0, 0, 0, 0, id, seq]);

        Assert.Equal(0, await NextAsync(7));
        Assert.Equal(1, await NextAsync(5));
        Assert.DoesNotContain(3.0, (await db.SortedSetRangeByRankAsync(prefix + id + ":turns")).Select(v => (double)v));

        // Turn 5 ends (or its lease lapses): turn 7 runs.
        await db.KeyDeleteAsync(prefix + id + ":turn:5");
        Assert.Equal(1, await NextAsync(7));
    }

    [Fact]
    public async Task Feedback_ThroughAnyInstance_IsExportedOnce()
    {
        var markers = Enumerable.Range(0, ScaleOutFixture.Instances).Select(_ => NewId()).ToList();
        for (var i = 0; i < markers.Count; i++)
        {
            var activity = ActivityBuilder.SubmitFeedback("http://127.0.0.1:9/", "fb-" + markers[i], "msteams", "reply-1", "like",
                JsonSerializer.Serialize(new { feedbackText = markers[i] }));
            Assert.Equal(HttpStatusCode.OK, (await PostActivityAsync(fixture.InstanceUrl(i), activity)).StatusCode);
            if (i == 0)
            {
                // The Bot Service retries an activity it thinks was lost: another instance takes it, and ignores it.
                Assert.Equal(HttpStatusCode.OK, (await PostActivityAsync(fixture.InstanceUrl(2), activity)).StatusCode);
            }
        }

        var export = await ExportFeedbackAsync();
        foreach (var marker in markers)
        {
            Assert.Single(export, line => line.Contains(marker, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TeamsInstall_AnnouncedToTwoInstances_WelcomedOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var conversation = "install-" + NewId();

        // Teams announces an install twice; behind the load balancer the two activities reach different instances.
        using var installed = await PostActivityAsync(fixture.InstanceUrl(0), ActivityBuilder.InstallationUpdate(connector.ServiceUrl, conversation, "personal", "add"));
        using var added = await PostActivityAsync(fixture.InstanceUrl(1), ActivityBuilder.TeamsMembersAdded(connector.ServiceUrl, conversation, "personal", ActivityBuilder.BotId));

        Assert.True(installed.IsSuccessStatusCode, $"installationUpdate: {(int)installed.StatusCode}");
        Assert.True(added.IsSuccessStatusCode, $"conversationUpdate: {(int)added.StatusCode}");
        Assert.Single(connector.For(conversation), p => p.Activity.GetProperty("type").GetString() == "message");
    }

    [Fact]
    public async Task KillOneInstance_MidConversation_NextTurnOnAnotherHasIt()
    {
        var conversation = NewId();
        await AskAsync(fixture.InstanceUrl(2), Question, conversation);
        await fixture.KillInstanceAsync(2);
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var next = await AskAsync(fixture.BaseUrl, FollowUp, conversation);
                Assert.DoesNotContain(AnswerService.FollowUpsUnavailable, next.GetProperty("answer").GetString(), StringComparison.Ordinal);
            }

            var turns = await TurnsAsync(conversation);
            Assert.Equal(5, turns.Count);
            Assert.Equal(Question, turns[0].Question);
            Assert.All(turns.Skip(1), t => Assert.Contains("pledge", t.ResolvedQuestion, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await fixture.StartInstanceAsync(2);
        }
    }

    [Fact]
    public async Task RestartRedis_ConversationsAndFeedbackSurvive_AndWhileDownTheBotAnswersWithoutFollowUps()
    {
        var conversation = NewId();
        var marker = NewId();
        await AskAsync(fixture.BaseUrl, Question, conversation);
        var feedback = ActivityBuilder.SubmitFeedback("http://127.0.0.1:9/", "fb-" + marker, "msteams", "reply-1", "dislike",
            JsonSerializer.Serialize(new { feedbackText = marker }));
        Assert.Equal(HttpStatusCode.OK, (await PostActivityAsync(fixture.BaseUrl, feedback)).StatusCode);

        await fixture.RestartRedisAsync(async () =>
        {
            for (var i = 0; i < ScaleOutFixture.Instances; i++)
            {
                using var stateless = await PostAskAsync(fixture.InstanceUrl(i), Question, null);
                Assert.Equal(HttpStatusCode.OK, stateless.StatusCode);
                var answer = await stateless.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("answered", answer.GetProperty("outcome").GetString());
                Assert.DoesNotContain(AnswerService.FollowUpsUnavailable, answer.GetProperty("answer").GetString(), StringComparison.Ordinal);

                using var followUp = await PostAskAsync(fixture.InstanceUrl(i), FollowUp, conversation);
                Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
                var text = (await followUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString();
                Assert.Contains(AnswerService.FollowUpsUnavailable, text, StringComparison.Ordinal);
                Assert.DoesNotContain(fixture.Redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            }

            // Direct Line needs Redis: a plain 503, never a 500.
            using var token = await fixture.Http.PostAsync(fixture.BaseUrl + "/v3/directline/tokens/generate", null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        });

        // Once Redis is back (the instances reconnect by themselves), the conversation goes on where it was.
        JsonElement resumed = default;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            resumed = await AskAsync(fixture.BaseUrl, FollowUp, conversation);
            if (!resumed.GetProperty("answer").GetString()!.Contains(AnswerService.FollowUpsUnavailable, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.DoesNotContain(AnswerService.FollowUpsUnavailable, resumed.GetProperty("answer").GetString(), StringComparison.Ordinal);
        var turns = await TurnsAsync(conversation);
        Assert.Equal(Question, turns[0].Question);
        Assert.Contains("pledge", turns[^1].ResolvedQuestion, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await ExportFeedbackAsync(), line => line.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiftyConversations_ThroughNginx_NoErrors()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var conversation = NewId();
            using var first = await PostAskAsync(fixture.BaseUrl, Question, conversation);
            using var second = await PostAskAsync(fixture.BaseUrl, FollowUp, conversation);
            return new[] { first.StatusCode, second.StatusCode };
        }));

        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task PublishSnapshot_WhileFiftyClientsAsk_NoErrorsAndAnswersSwitch()
    {
        const string NewQuestion = "What did the Zorvania defence minister announce about the Blue Heron drones?";
        using var briefings = new TempFolder();
        Directory.CreateDirectory(briefings.Path);
        await File.WriteAllTextAsync(briefings.Combine("zorvania.txt"), """
            ---
            title: Zorvania orders Blue Heron drones for NATO air policing
            date: 2026-11-20
            publisher: Example Defence News
            ---
            The Zorvania defence minister announced on Friday that Zorvania will buy forty Blue Heron drones for NATO air policing.
            The Blue Heron drones will patrol the eastern flank from next spring, the Zorvania defence minister said.
            """);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var switched = 0;
        var clients = Enumerable.Range(0, 50).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await PostAskAsync(fixture.BaseUrl, NewQuestion, null);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (answer.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("file").GetString() == "zorvania.txt"))
                {
                    Interlocked.Increment(ref switched);
                }
            }
        }).ToList();

        await Task.Delay(1000);
        var publish = await fixture.PublishAsync(briefings.Path);
        Assert.True(publish.ExitCode == 0, publish.StdOut + publish.StdErr);
        for (var i = 0; i < 100 && Volatile.Read(ref switched) < 50; i++)
        {
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.Equal(0, failures);
        Assert.True(switched >= 50, $"{switched} answers cited the new briefing");
        // Every instance switches: each checks the snapshot pointer once a second, so one may still be a moment behind
        // the 50 answers above (which the load balancer can have drawn from two of them).
        for (var i = 0; i < ScaleOutFixture.Instances; i++)
        {
            var cited = false;
            for (var attempt = 0; attempt < 20 && !cited; attempt++)
            {
                var answer = await AskAsync(fixture.InstanceUrl(i), NewQuestion, null);
                cited = answer.GetProperty("citations").EnumerateArray().Any(c => c.GetProperty("file").GetString() == "zorvania.txt");
                if (!cited)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(cited, $"instance {i} never answered from the new snapshot");
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private async Task<List<ConversationTurn>> TurnsAsync(string conversation, string channel = "api")
    {
        await using var redis = await fixture.ConnectRedisAsync();
        var values = await redis.GetDatabase().ListRangeAsync($"{fixture.KeyPrefix}memory:{channel}:{conversation}");
        return [.. values.Select(v => JsonSerializer.Deserialize<ConversationTurn>((string)v!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)];
    }

    private async Task<string[]> ExportFeedbackAsync()
    {
        var environment = new Dictionary<string, string>(fixture.Environment);
        var result = await BotProcess.RunAsync(["feedback", "export"], environment: environment);
        Assert.True(result.ExitCode == 0, result.StdErr);
        return result.OutLines;
    }

    private async Task<HttpResponseMessage> PostAskAsync(string baseUrl, string question, string? conversation) =>
        await fixture.Http.PostAsJsonAsync(baseUrl + "/api/ask", new { question, conversation });

    private async Task<JsonElement> AskAsync(string baseUrl, string question, string? conversation)
    {
        using var response = await PostAskAsync(baseUrl, question, conversation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostActivityAsync(string baseUrl, object activity) =>
        await fixture.Http.PostAsJsonAsync(baseUrl + "/api/messages", activity);

    /// <summary>A Direct Line conversation: a token from instance <paramref name="tokenFrom"/>, started on
    /// <paramref name="startOn"/>; its id, the conversation's bearer token and its stream URL.</summary>
    private async Task<(string ConversationId, string Bearer, string StreamUrl)> StartDirectLineAsync(int tokenFrom, int startOn)
    {
        var token = await PostJsonAsync(fixture.InstanceUrl(tokenFrom) + "/v3/directline/tokens/generate", null, null);
        var start = await PostJsonAsync(fixture.InstanceUrl(startOn) + "/v3/directline/conversations", null, token.GetProperty("token").GetString());
        return (start.GetProperty("conversationId").GetString()!, start.GetProperty("token").GetString()!, start.GetProperty("streamUrl").GetString()!);
    }

    private async Task<JsonElement> PostJsonAsync(string url, object? body, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await fixture.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
    }
}
