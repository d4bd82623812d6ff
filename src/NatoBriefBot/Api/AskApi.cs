using System.Text.Json;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Hosting;

namespace NatoBriefBot.Api;

/// <summary><c>POST /api/ask</c>: the JSON API the web page and integrators use. Same answer shape as <c>ask --json</c>.</summary>
public static class AskApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ask", AskAsync).RequireRateLimiting(RequestLimits.AskPolicy);
        return endpoints;
    }

    private static async Task<IResult> AskAsync(HttpRequest http, IAnswerService answers, IOptions<RequestLimitsOptions> limits, CancellationToken ct)
    {
        if (!(http.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return BadRequest("Send a JSON body with Content-Type: application/json, e.g. {\"question\":\"Who is NATO's Secretary General?\"}.");
        }

        var read = await JsonBody.ReadAsync<JsonDocument>(http, limits.Value.AskBodyBytes, Json, ct).ConfigureAwait(false);
        if (read.Problem != BodyProblem.None)
        {
            return Error(read.Status, read.Problem == BodyProblem.InvalidJson ? $"The body is not valid JSON ({read.Message})." : read.Message!);
        }

        string? question;
        string? conversation;
        using var doc = read.Value;
        try
        {
            var root = doc?.RootElement ?? default;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("The body must be a JSON object with a \"question\" string.");
            }

            if (!root.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String)
            {
                return BadRequest("\"question\" is missing or is not a string.");
            }

            question = q.GetString();
            conversation = null;
            if (root.TryGetProperty("conversation", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind != JsonValueKind.String || c.GetString()!.Length > 200)
                {
                    return BadRequest("\"conversation\" must be a string of at most 200 characters.");
                }

                conversation = "api:" + c.GetString();
            }
        }
        catch (InvalidOperationException ex) when (JsonBody.IsInvalidText(ex))
        {
            return BadRequest(JsonBody.InvalidTextMessage);
        }

        try
        {
            var answer = await answers.AskAsync(new AskRequest(question ?? string.Empty, conversation), ct).ConfigureAwait(false);
            return Results.Json(AnswerJson.From(answer), Json);
        }
        catch (InvalidQuestionException ex)
        {
            return BadRequest(ex.Message);
        }
    }

    private static IResult BadRequest(string reason) => Error(StatusCodes.Status400BadRequest, reason);

    private static IResult Error(int status, string reason) => Results.Json(new { error = reason }, Json, statusCode: status);
}
