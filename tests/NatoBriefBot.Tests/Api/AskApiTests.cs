using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Api;

public sealed class AskApiTests(BotServer server) : IClassFixture<BotServer>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpContent content)
    {
        using var response = await server.Client.PostAsync("/api/ask", content);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(string question, string? conversation = null) =>
        PostAsync(Json(JsonSerializer.Serialize(new { question, conversation })));

    [Fact]
    public async Task Post_AnswerableQuestion_200WithDocumentedShape()
    {
        var (status, body) = await AskAsync("What did Italy pledge?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["id", "question", "outcome", "answer", "citations", "suggestions", "ms"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("What did Italy pledge?", body.GetProperty("question").GetString());
        Assert.Equal("answered", body.GetProperty("outcome").GetString());
        Assert.Contains("SAMP/T", body.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("ms").GetDouble() >= 0);
        var citation = body.GetProperty("citations")[0];
        Assert.Equal(["n", "file", "title", "published", "publisher", "url", "quote"], citation.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal("002_bea1dc2b0db3c042.txt", citation.GetProperty("file").GetString());
        Assert.Contains("SAMP/T", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
        AssertDateOrNull(citation.GetProperty("published"));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
    }

    internal static void AssertDateOrNull(JsonElement value)
    {
        Assert.Contains(value.ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
        if (value.ValueKind == JsonValueKind.String)
        {
            Assert.True(DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _), value.GetString());
        }
    }

    [Fact]
    public async Task Post_QuestionOutsideBriefings_200NotInBriefingsWithSuggestions()
    {
        var (status, body) = await AskAsync("What did NATO decide about Antarctica in 2019?");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("not_in_briefings", body.GetProperty("outcome").GetString());
        Assert.Equal(0, body.GetProperty("citations").GetArrayLength());
        Assert.True(body.GetProperty("suggestions").GetArrayLength() > 0);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "not json at all", "not valid JSON" },
        { "[{\"question\":\"What did Italy pledge?\"}]", "JSON object" },
        { "{\"q\":\"What did Italy pledge?\"}", "\"question\"" },
        { "{\"question\":42}", "\"question\"" },
        { "{\"question\":\"   \"}", "empty" },
        { "{\"question\":\"What\\u0007 is NATO?\"}", "control characters" },
        { "{\"question\":\"What did Italy pledge?\",\"conversation\":7}", "\"conversation\"" },
        { "{\"question\":\"What did Italy pledge?\",\"conversation\":\"" + new string('c', 201) + "\"}", "200 characters" },
        { "{\"question\":null}", "\"question\"" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_400WithError(string body, string reason)
    {
        var (status, json) = await PostAsync(Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["error"], json.EnumerateObject().Select(p => p.Name));
        Assert.Contains(reason, json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OverlongQuestion_400NamingLimit()
    {
        var (status, json) = await AskAsync(new string('x', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1000", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongContentType_400AskingForJson()
    {
        using var content = new StringContent("{\"question\":\"What did Italy pledge?\"}", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var (status, json) = await PostAsync(content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("application/json", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FollowUpInConversation_ResolvedAgainstPreviousTurn()
    {
        var conversation = "api-test-" + Guid.NewGuid().ToString("N");

        var (_, first) = await AskAsync("What did Sweden, Spain and Belgium pledge?", conversation);
        var (status, second) = await AskAsync("What about Italy?", conversation);

        Assert.Contains("billion", first.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("answered", second.GetProperty("outcome").GetString());
        Assert.Contains("SAMP/T", second.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("What about Italy?", second.GetProperty("question").GetString());
    }

    [Fact]
    public async Task Get_AskEndpoint_NotAllowed()
    {
        using var response = await server.Client.GetAsync("/api/ask");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
