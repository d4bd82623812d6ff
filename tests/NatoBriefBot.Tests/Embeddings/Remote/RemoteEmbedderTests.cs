using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Embeddings.Remote;

namespace NatoBriefBot.Tests.Embeddings.Remote;

public class RemoteEmbedderTests
{
    private const string Key = "sk-test-5f3c2a9e";
    private const string Model = "nomic-embed-text";
    private static readonly string[] Passages = ["NATO defence ministers met in Brussels.", "Allies agreed to boost ammunition production."];

    [Fact]
    public async Task GenerateAsync_OpenAICompatibleEndpoint_SendsModelInputsAndBearerKey()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(8, Key, Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", new Uri(server.BaseAddress, "/v1").ToString()));

        var embeddings = await embedder.GenerateAsync(Passages);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal(Model, request.Model);
        Assert.Equal(Passages, request.Inputs);
        Assert.Equal("Bearer " + Key, request.Authorization);
        Assert.Equal("base64", request.EncodingFormat);
        for (var i = 0; i < Passages.Length; i++)
        {
            var raw = FakeOpenAIEmbeddingServer.RawVector(Passages[i], 8);
            var expected = raw.Select(x => x / TensorPrimitives.Norm<float>(raw)).ToArray();
            Assert.Equal(expected, embeddings[i].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6f);
            Assert.Equal(1f, TensorPrimitives.Norm(embeddings[i].Vector.Span), 5);
        }

        Assert.Equal(new EmbedderProfile("openai:" + Model, 8, 8191), embedder.Profile);
    }

    [Fact]
    public async Task GenerateAsync_EndpointWithoutPath_AddsV1()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, Key, Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        await embedder.GenerateAsync(Passages);

        Assert.Equal("/v1/embeddings", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task GenerateAsync_AzureOpenAI_UsesV1PathAndApiKeyHeaderOnly()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(6, Key, "my-embedding-deployment");
        var options = Options("AzureOpenAI", server.BaseAddress.ToString());
        options.Model = "my-embedding-deployment";
        using var embedder = RemoteEmbedder.Create(options);

        var embeddings = await embedder.GenerateAsync(Passages);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/embeddings", request.Path);
        Assert.Equal("my-embedding-deployment", request.Model);
        Assert.Equal(Key, request.ApiKeyHeader);
        Assert.Null(request.Authorization);
        Assert.Equal(2, embeddings.Count);
        Assert.Equal("openai:my-embedding-deployment", embedder.Profile.Name);
    }

    [Fact]
    public async Task GenerateAsync_LocalServerWithoutKey_Works()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, null, Model);
        var options = Options("OpenAI", new Uri(server.BaseAddress, "/v1/").ToString());
        options.ApiKey = "";
        using var embedder = RemoteEmbedder.Create(options);

        var embeddings = await embedder.GenerateAsync(Passages);

        Assert.Equal(2, embeddings.Count);
    }

    [Fact]
    public async Task GenerateAsync_ServerAnsweringFloatsToBase64Request_DecodesFloats()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, Key, Model);
        server.AlwaysFloats = true;
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        var embedding = await embedder.GenerateVectorAsync(Passages[0]);

        var raw = FakeOpenAIEmbeddingServer.RawVector(Passages[0], 4);
        Assert.Equal(raw[3] / TensorPrimitives.Norm<float>(raw), embedding.Span[3], 5);
    }

    [Fact]
    public async Task GenerateAsync_MoreTextsThanOneRequest_SplitsAndKeepsOrder()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, Key, Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));
        var texts = Enumerable.Range(0, RemoteEmbedder.RequestBatchSize + 6).Select(i => $"passage {i} about NATO").ToArray();

        var embeddings = await embedder.GenerateAsync(texts);

        Assert.Equal([RemoteEmbedder.RequestBatchSize, 6], server.Requests.Select(r => r.Inputs.Count));
        Assert.Equal(texts, server.Requests.SelectMany(r => r.Inputs));
        var last = FakeOpenAIEmbeddingServer.RawVector(texts[^1], 4);
        Assert.Equal(last[0] / TensorPrimitives.Norm<float>(last), embeddings[^1].Vector.Span[0], 5);
    }

    [Fact]
    public async Task Profile_UnknownModelBeforeAnyCall_ProbesOnceForDimensions()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(12, Key, Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        var profile = await embedder.GetProfileAsync();

        Assert.Equal(12, profile.Dimensions);
        Assert.Equal(12, embedder.Profile.Dimensions);
        Assert.Single(server.Requests);
        Assert.Equal(12, embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions);
    }

    [Fact]
    public async Task GetService_ProfileOfUnknownModel_ProbesLikeTheFactoryNeeds()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(10, Key, Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        var profile = EmbedderFactory.ProfileOf(embedder);

        Assert.Equal(new EmbedderProfile("openai:" + Model, 10, 8191), profile);
        Assert.Equal(["NATO"], Assert.Single(server.Requests).Inputs);
    }

    [Fact]
    public async Task GenerateAsync_WrongKey_SaysCheckApiKeyWithoutRevealingIt()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, "sk-the-right-key", Model);
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        var error = await Assert.ThrowsAsync<BriefBotException>(() => embedder.GenerateAsync(Passages));

        Assert.Contains("Embedding:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_UnknownModel_SaysCheckModel()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(4, Key, "some-other-model");
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", server.BaseAddress.ToString()));

        var error = await Assert.ThrowsAsync<BriefBotException>(() => embedder.GenerateAsync(Passages));

        Assert.Contains($"does not know the model '{Model}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_NothingListening_SaysEndpointCouldNotBeReached()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var embedder = RemoteEmbedder.Create(Options("OpenAI", $"http://127.0.0.1:{port}/v1"));

        var error = await Assert.ThrowsAsync<BriefBotException>(() => embedder.GenerateAsync(Passages));

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embedding:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_KnownModelReturningOtherLength_ThrowsDimensionMismatch()
    {
        await using var server = await FakeOpenAIEmbeddingServer.StartAsync(8, Key, "text-embedding-3-small");
        var options = Options("OpenAI", server.BaseAddress.ToString());
        options.Model = "text-embedding-3-small";
        using var embedder = RemoteEmbedder.Create(options);

        var error = await Assert.ThrowsAsync<BriefBotException>(() => embedder.GenerateAsync(Passages));

        Assert.Contains("returned 8-dimensional vectors", error.Message, StringComparison.Ordinal);
        Assert.Equal(1536, embedder.Profile.Dimensions);
    }

    [Theory]
    [InlineData("OpenAI", "", Key, "", "Embedding:Model is empty")]
    [InlineData("OpenAI", Model, "", "", "Embedding__ApiKey")]
    [InlineData("AzureOpenAI", Model, Key, "", "Embedding:Endpoint is empty")]
    [InlineData("OpenAI", Model, Key, "localhost:11434", "is not an http(s) address")]
    public void Create_MissingOrBadSetting_NamesTheSetting(string provider, string model, string key, string endpoint, string expected)
    {
        var options = new EmbeddingOptions { Provider = provider, Model = model, ApiKey = key, Endpoint = endpoint };

        var error = Assert.Throws<BriefBotException>(() => RemoteEmbedder.Create(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }

    private static EmbeddingOptions Options(string provider, string endpoint) =>
        new() { Provider = provider, Model = Model, Endpoint = endpoint, ApiKey = Key };
}
