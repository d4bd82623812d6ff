using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Fakes;

namespace NatoBriefBot.Tests.Answering.Llm;

/// <summary>The whole engine (seeds in a real SQLite file, hybrid retrieval, answer service, memory) with the LLM side switched on.</summary>
public sealed partial class LlmEngineIntegrationTests : IAsyncLifetime
{
    private const string Rewritten = "What did NATO defence ministers decide about air defence?";

    private readonly string _folder = Directory.CreateTempSubdirectory("briefbot-llm-").FullName;
    private FakeOpenAiServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _server.Responder = request => request.System.Contains("stand-alone", StringComparison.OrdinalIgnoreCase)
            ? FakeChatReply.Text(Rewritten)
            : FakeChatReply.Text(FirstSentenceOfFirstPassage(request.User) + " [1]");
        var root = ProjectPaths.FindRoot();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder, "briefings.db"),
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Model"] = "fake-gpt",
            ["Llm:Endpoint"] = _server.OpenAiEndpoint,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBriefingEngine(configuration, root);
        services.AddLlmAnswering(configuration);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<IngestionPipeline>().IngestAsync([Path.Combine(root, "seeds")], new IngestRunOptions());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AskAsync_LlmProvider_AnswersFromRetrievedPassageWithExactQuote()
    {
        var answers = _services.GetRequiredService<IAnswerService>();

        var answer = await answers.AskAsync(new AskRequest("What support for Ukraine did defence ministers discuss?"));

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        var prompt = _server.Single().User;
        var citation = Assert.Single(answer.Citations);
        Assert.Contains(PromptPassages.Escape(citation.Quote.Trim()), prompt, StringComparison.Ordinal);
        Assert.Equal(FirstSentenceOfFirstPassage(prompt) + " [1]", answer.Text);
        Assert.True(File.Exists(Path.Combine(ProjectPaths.FindRoot(), "seeds", citation.File)));
    }

    [Fact]
    public async Task AskAsync_FollowUp_AnswersTheRewrittenQuestion()
    {
        var answers = _services.GetRequiredService<IAnswerService>();
        await answers.AskAsync(new AskRequest("What support for Ukraine did defence ministers discuss?", "conv-1"));

        var answer = await answers.AskAsync(new AskRequest("And air defence?", "conv-1"));

        // The follow-up is rewritten by the model, and the turn is remembered as that reading. The answer policy then decides
        // (as for the offline composer) whether the rewritten question is worth asking the model at all; when it declines it,
        // the words as written may still be answered from the briefings the last answer cited.
        var requests = _server.Requests.ToArray();
        Assert.InRange(requests.Length, 2, 4);
        Assert.Contains("stand-alone", requests[1].System, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<question>\nAnd air defence?\n</question>", requests[1].User, StringComparison.Ordinal);
        Assert.Equal(Rewritten, answer.AskedAs);
        Assert.All(requests.Skip(2), r => Assert.True(
            r.User.Contains("<question>\n" + Rewritten + "\n</question>", StringComparison.Ordinal) ||
            r.User.Contains("<question>\nAnd air defence?\n</question>", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests.Skip(2), r => r.System.Contains("stand-alone", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A faithful answer to an answer prompt: the first sentence of passage 1, which the citation check accepts.</summary>
    internal static string FirstSentenceOfFirstPassage(string prompt)
    {
        var passage = FirstPassage().Match(prompt).Groups[1].Value;
        var end = SentenceEnd().Match(passage);
        return (end.Success ? passage[..(end.Index + 1)] : passage.Split('\n')[0]).Trim();
    }

    /// <summary>Up to <paramref name="count"/> sentences of passage 1, each cited: a faithful answer written over several sentences.</summary>
    /// <summary>The first <paramref name="count"/> sentences of the prompt's first passage, each citing it.</summary>
    internal static IReadOnlyList<string> CitedSentencesOfFirstPassage(string prompt, int count)
    {
        var passage = FirstPassage().Match(prompt).Groups[1].Value;
        return [.. SentenceSplitter.Split(passage).Take(count).Select(s => s.Of(passage) + " [1]")];
    }

    [GeneratedRegex(@"[.!?](?=\s)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("<passage key=\"1\"[^>]*>\n(.*?)\n</passage>", RegexOptions.Singleline)]
    private static partial Regex FirstPassage();
}
