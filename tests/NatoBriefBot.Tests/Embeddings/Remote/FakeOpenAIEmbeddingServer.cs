using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NatoBriefBot.Tests.Embeddings.Remote;

/// <summary>What the fake server received in one <c>POST .../embeddings</c>.</summary>
public sealed record ReceivedEmbeddingRequest(string Path, string? Authorization, string? ApiKeyHeader, string Model, IReadOnlyList<string> Inputs, string? EncodingFormat);

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking the OpenAI embeddings wire format (<c>POST /v1/embeddings</c>,
/// and Azure OpenAI's <c>/openai/v1/embeddings</c>): float or base64 vectors, usage, and OpenAI-style error bodies
/// for a wrong key (401, echoing the key as OpenAI does) or an unknown model (404).
/// Its vectors are deliberately not unit length.
/// </summary>
public sealed class FakeOpenAIEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIEmbeddingServer(WebApplication app, int dimensions, string? requiredKey, string[] models)
    {
        _app = app;
        Dimensions = dimensions;
        RequiredKey = requiredKey;
        Models = models;
    }

    public int Dimensions { get; }

    public string? RequiredKey { get; }

    public IReadOnlyList<string> Models { get; }

    public ConcurrentQueue<ReceivedEmbeddingRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Answer with float arrays even when base64 was asked for, as some OpenAI-compatible servers do.</summary>
    public bool AlwaysFloats { get; set; }

    public static async Task<FakeOpenAIEmbeddingServer> StartAsync(int dimensions, string? requiredKey, params string[] models)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAIEmbeddingServer(app, dimensions, requiredKey, models);
        app.MapPost("/v1/embeddings", (Delegate)server.HandleAsync);
        app.MapPost("/openai/v1/embeddings", (Delegate)server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>The vector the server returns for <paramref name="input"/>, before any normalization.</summary>
    public static float[] RawVector(string input, int dimensions)
    {
        var seed = input.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        return [.. Enumerable.Range(0, dimensions).Select(j => (float)(((seed >> (j % 24)) & 0xF) + j + 1))];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? throw new InvalidOperationException("Empty body.");
        var model = body["model"]!.GetValue<string>();
        var input = body["input"]!;
        string[] inputs = input is JsonArray array ? [.. array.Select(i => i!.GetValue<string>())] : [input.GetValue<string>()];
        var format = body["encoding_format"]?.GetValue<string>();
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        var apiKey = context.Request.Headers["api-key"].FirstOrDefault();
        Requests.Enqueue(new ReceivedEmbeddingRequest(context.Request.Path, authorization, apiKey, model, inputs, format));

        var presented = apiKey ?? authorization?.Replace("Bearer ", "", StringComparison.Ordinal);
        if (RequiredKey is not null && presented != RequiredKey)
        {
            return Error(401, $"Incorrect API key provided: {presented}.", "invalid_api_key");
        }

        if (!Models.Contains(model))
        {
            return Error(404, $"The model `{model}` does not exist or you do not have access to it.", "model_not_found");
        }

        var data = inputs.Select((text, index) =>
        {
            var vector = RawVector(text, Dimensions);
            object embedding = format == "base64" && !AlwaysFloats ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()) : vector;
            return new { @object = "embedding", index, embedding };
        });
        var tokens = inputs.Sum(i => i.Split(' ').Length);
        return Results.Json(new { @object = "list", data, model, usage = new { prompt_tokens = tokens, total_tokens = tokens } });
    }

    private static IResult Error(int status, string message, string code) =>
        Results.Json(new { error = new { message, type = "invalid_request_error", param = (string?)null, code } }, (JsonSerializerOptions?)null, statusCode: status);
}
