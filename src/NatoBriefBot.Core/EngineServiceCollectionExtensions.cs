using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.State;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core;

/// <summary>Registers the engine: options, store, embedder, ingestion, retrieval and answering.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingEngine(this IServiceCollection services, IConfiguration configuration, string projectRoot)
    {
        services.AddSingleton(new EngineRoot(projectRoot));
        services.TryAddSingleton(_ => Lexicon.Default);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.OverlapTokens < o.PassageTokens, "Ingestion:OverlapTokens must be smaller than Ingestion:PassageTokens.").ValidateOnStart();
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var root = sp.GetRequiredService<EngineRoot>();
            return string.IsNullOrWhiteSpace(storage.SnapshotFolder)
                ? new BriefingStore(root.Resolve(storage.DatabasePath))
                : BriefingStore.FromSnapshots(root.Resolve(storage.SnapshotFolder));
        });
        services.AddSingleton<IBriefingCatalog>(sp => sp.GetRequiredService<BriefingStore>());
        services.AddSingleton(sp => EmbedderFactory.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value, projectRoot));
        services.AddSingleton(sp => EmbedderFactory.ProfileOf(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            return new PassageChunker(o.PassageTokens, o.OverlapTokens);
        });
        services.AddSingleton<IBriefingReader, BriefingReader>();
        services.AddSingleton<SecondOpinionEncoder>();
        services.AddSingleton<IngestionPipeline>();

        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RetrievalOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.AddSingleton<QueryAnalyzer>();
        services.AddSingleton<IRetriever, HybridRetriever>();
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<AnsweringOptions>().ModelPath;
            return string.IsNullOrWhiteSpace(path) ? AnswerModel.Default() : AnswerModel.Load(sp.GetRequiredService<EngineRoot>().Resolve(path));
        });
        services.AddSingleton<AnswerPolicy>();
        services.AddSingleton<ExtractiveAnswerComposer>();
        services.AddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<ExtractiveAnswerComposer>());
        services.AddSingleton<IQuestionRewriter, FollowUpRewriter>();
        services.AddSingleton<ConversationMemory>();
        services.AddSharedState(configuration);
        if (SharedStateOptions.IsConfigured(configuration))
        {
            services.AddSingleton<IConversationMemory, RedisConversationMemory>();
        }
        else
        {
            services.AddSingleton<IConversationMemory>(sp => sp.GetRequiredService<ConversationMemory>());
        }

        services.AddSingleton<ChatIntents>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        services.AddSingleton<StarterQuestions>();
        return services;
    }
}

/// <summary>The project root every relative path in configuration is resolved against.</summary>
public sealed record EngineRoot(string Path)
{
    public string Resolve(string relative) => ProjectPaths.Resolve(Path, relative);
}
