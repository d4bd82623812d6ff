using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Tests.Support;

/// <summary>An engine over its own temp SQLite file holding the 5 seed briefings. Use as an xunit class fixture
/// (read-only tests share it) or create one per test when the test writes to the index.</summary>
public class SeededEngine : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IDictionary<string, string?>? _overrides;
    private readonly TimeProvider? _clock;
    private ServiceProvider? _services;

    public SeededEngine()
    {
    }

    private SeededEngine(IDictionary<string, string?>? overrides, TimeProvider? clock)
    {
        _overrides = overrides;
        _clock = clock;
    }

    public ServiceProvider Services => _services ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public string DatabasePath => _folder.Combine("index.db");

    public BriefingStore Store => Services.GetRequiredService<BriefingStore>();

    public IRetriever Retriever => Services.GetRequiredService<IRetriever>();

    public IAnswerService Answers => Services.GetRequiredService<IAnswerService>();

    /// <summary>The engine's embedder, for records written straight into its index.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder => Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    /// <summary>The engine's second encoder, for records built outside the ingest pipeline (<see cref="Records.Briefing"/>).</summary>
    public SecondOpinionEncoder SecondOpinion => Services.GetRequiredService<SecondOpinionEncoder>();

    public static async Task<SeededEngine> CreateAsync(IDictionary<string, string?>? overrides = null, TimeProvider? clock = null)
    {
        var engine = new SeededEngine(overrides, clock);
        await engine.InitializeAsync();
        return engine;
    }

    public async Task InitializeAsync()
    {
        _services = TestEngine.Build(DatabasePath, _overrides, _clock);
        var report = await TestEngine.IngestSeedsAsync(_services);
        if (report.Added != 5 || report.Failed.Count != 0)
        {
            throw new InvalidOperationException($"Seed ingest went wrong: {report}");
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _services?.Dispose();
        _services = null;
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
