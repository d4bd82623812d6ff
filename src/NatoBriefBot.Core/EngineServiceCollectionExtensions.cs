using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core;

/// <summary>Registers the engine: options, store, embedder, ingestion, retrieval and answering.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingEngine(this IServiceCollection services, IConfiguration configuration, string projectRoot)
    {
        services.AddSingleton(new EngineRoot(projectRoot));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.OverlapTokens < o.PassageTokens, "Ingestion:OverlapTokens must be smaller than Ingestion:PassageTokens.").ValidateOnStart();
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp => new BriefingStore(sp.GetRequiredService<EngineRoot>().Resolve(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath)));
        services.AddSingleton<IBriefingCatalog>(sp => sp.GetRequiredService<BriefingStore>());
        services.AddSingleton(sp => EmbedderFactory.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value, projectRoot));
        services.AddSingleton(sp => EmbedderFactory.ProfileOf(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new PassageChunker(o.PassageTokens, o.OverlapTokens);
        });
        services.AddSingleton<IBriefingReader, InterimBriefingReader>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IAnswerService, PlaceholderAnswerService>();
        return services;
    }

    private sealed class PlaceholderAnswerService : IAnswerService
    {
        public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Answer(request.Question, AnswerOutcome.Answered, $"Placeholder answer to: {request.Question} [1]",
                [new Citation(1, "000_e92179c19b6e3612.txt", "Placeholder title", new DateOnly(2023, 6, 15), "Anadolu", null, "Placeholder quote.")]));
    }
}

/// <summary>The project root every relative path in configuration is resolved against.</summary>
public sealed record EngineRoot(string Path)
{
    public string Resolve(string relative) => ProjectPaths.Resolve(Path, relative);
}
