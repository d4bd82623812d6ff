using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Tests.Fakes;

namespace NatoBriefBot.Tests.Answering.Llm;

public class LlmOptionsTests
{
    [Fact]
    public void Validate_Defaults_ProviderNoneAndValid()
    {
        var options = Resolve(new Dictionary<string, string?>());

        Assert.Equal(LlmProvider.None, options.Kind);
        Assert.Equal(3000, options.MaxContextTokens);
        Assert.Equal(0.0, options.Temperature);
    }

    [Theory]
    [InlineData("OpenAI", "gpt-4o-mini", "", "", "Llm:ApiKey")]
    [InlineData("OpenAI", "", "", "sk-1", "Llm:Model")]
    [InlineData("AzureOpenAI", "", "https://r.openai.azure.com/", "k", "Llm:Deployment")]
    [InlineData("AzureOpenAI", "dep", "", "k", "Llm:Endpoint")]
    [InlineData("OpenAICompatible", "llama3.1", "", "", "Llm:Endpoint")]
    [InlineData("OpenAICompatible", "llama3.1", "localhost:11434", "", "Llm:Endpoint")]
    public void Validate_IncompleteProviderSettings_FailsNamingTheSetting(string provider, string model, string endpoint, string key, string path)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = provider, ["Llm:Model"] = model, ["Llm:Endpoint"] = endpoint, ["Llm:ApiKey"] = key,
        }));

        Assert.Contains(ex.Failures, f => f.Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Llm:Provider", "Claude", "Llm:Provider must be")]
    [InlineData("Llm:Temperature", "3", "Temperature")]
    [InlineData("Llm:MaxContextTokens", "0", "MaxContextTokens")]
    public void Validate_OutOfRangeValue_Fails(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CompatibleServerWithoutKey_IsValid()
    {
        var options = Resolve(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible", ["Llm:Model"] = "llama3.1", ["Llm:Endpoint"] = "http://localhost:11434/v1",
        });

        Assert.Equal(LlmProvider.OpenAICompatible, options.Kind);
        Assert.Equal("llama3.1", options.ModelOrDeployment);
    }

    [Fact]
    public void Bind_ApiKeyFromEnvironmentVariable_UsesIt()
    {
        const string prefix = "BRIEFBOT_LLM_TEST_";
        Environment.SetEnvironmentVariable(prefix + "Llm__ApiKey", "sk-from-env");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:Provider"] = "OpenAI", ["Llm:Model"] = "gpt-4o-mini" })
                .AddEnvironmentVariables(prefix)
                .Build();

            var options = Provider(configuration).GetRequiredService<IOptions<LlmOptions>>().Value;

            Assert.Equal("sk-from-env", options.ApiKey);
            Assert.DoesNotContain("sk-from-env", options.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Llm__ApiKey", null);
        }
    }

    [Fact]
    public void AddLlmAnswering_ProviderNone_KeepsOfflineComposer()
    {
        var services = Provider(Configuration(new Dictionary<string, string?>()));

        Assert.IsType<StubOfflineComposer>(services.GetRequiredService<IAnswerComposer>());
        Assert.Null(services.GetService<LlmChat>());
        Assert.Null(services.GetService<IQuestionRewriter>());
    }

    [Fact]
    public async Task AddLlmAnswering_ProviderSet_WrapsOfflineComposerAsFallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeChatReply.Error(500));
        var services = Provider(Configuration(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible", ["Llm:Model"] = "fake-gpt", ["Llm:Endpoint"] = server.OpenAiEndpoint,
        }));

        var composer = services.GetRequiredService<IAnswerComposer>();
        var answer = await composer.ComposeAsync(LlmTestData.Request("Where is the new command?", LlmTestData.WiesbadenEvidence));

        Assert.IsType<LlmAnswerComposer>(composer);
        Assert.IsType<LlmQuestionRewriter>(services.GetRequiredService<IQuestionRewriter>());
        Assert.Equal(StubOfflineComposer.Text, answer.Text);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void AddLlmAnswering_NoOfflineComposer_ThrowsWithAdvice()
    {
        var services = new ServiceCollection();
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible", ["Llm:Model"] = "m", ["Llm:Endpoint"] = "http://localhost:11434/v1",
        });

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddLlmAnswering(configuration));

        Assert.Contains("AddBriefingEngine", ex.Message, StringComparison.Ordinal);
    }

    private static LlmOptions Resolve(Dictionary<string, string?> settings) =>
        Provider(Configuration(settings)).GetRequiredService<IOptions<LlmOptions>>().Value;

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Provider(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new EngineRoot(ProjectPaths.FindRoot()));
        services.AddSingleton<IAnswerComposer, StubOfflineComposer>();
        services.AddLlmAnswering(configuration);
        return services.BuildServiceProvider();
    }
}
