using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core;

/// <summary>Registers the engine: options, store, embedder, ingestion, retrieval and answering.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingEngine(this IServiceCollection services, IConfiguration configuration, string projectRoot)
    {
        services.AddSingleton(new EngineRoot(projectRoot));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        // TODO(engine): real registrations land with the ingestion/answering work.
        services.AddSingleton<IAnswerService, PlaceholderAnswerService>();
        services.AddSingleton<IBriefingCatalog, PlaceholderCatalog>();
        return services;
    }

    private sealed class PlaceholderAnswerService : IAnswerService
    {
        public Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Answer(request.Question, AnswerOutcome.Answered, $"Placeholder answer to: {request.Question} [1]",
                [new Citation(1, "000_e92179c19b6e3612.txt", "Placeholder title", new DateOnly(2023, 6, 15), "Anadolu", null, "Placeholder quote.")]));
    }

    private sealed class PlaceholderCatalog : IBriefingCatalog
    {
        public Task<CatalogSummary> GetSummaryAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new CatalogSummary(5, 20, new DateOnly(2023, 6, 14), new DateOnly(2024, 10, 17), []));
    }
}

/// <summary>The project root every relative path in configuration is resolved against.</summary>
public sealed record EngineRoot(string Path)
{
    public string Resolve(string relative) => ProjectPaths.Resolve(Path, relative);
}
