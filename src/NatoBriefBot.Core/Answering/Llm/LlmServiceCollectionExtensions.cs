using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Core.Answering.Llm;

/// <summary>Registers LLM answering on top of the offline engine.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Llm</c> section (on start). With <c>Llm:Provider</c> <c>None</c> that is all. Otherwise it
    /// wraps the already registered <see cref="IAnswerComposer"/> in <see cref="LlmAnswerComposer"/> (the offline composer
    /// becomes its fallback) and the registered <see cref="IQuestionRewriter"/>, if any, in <see cref="LlmQuestionRewriter"/>.
    /// Call it after the offline composer is registered (after <c>AddBriefingEngine</c>).
    /// </summary>
    public static IServiceCollection AddLlmAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());

        var configured = section.Get<LlmOptions>() ?? new LlmOptions();
        if (configured.Kind == LlmProvider.None)
        {
            return services;
        }

        services.TryAddSingleton(sp => new PromptProvider(sp.GetService<EngineRoot>()?.Path ?? ProjectPaths.FindRoot()));
        services.TryAddSingleton(sp => LlmChat.Create(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value, sp.GetService<ILoggerFactory>()));

        var composer = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerComposer) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddLlmAnswering needs the offline IAnswerComposer registered first: call it after AddBriefingEngine.");
        services.Remove(composer);
        services.Add(ServiceDescriptor.Describe(typeof(IAnswerComposer), sp => new LlmAnswerComposer(
            sp.GetRequiredService<LlmChat>(),
            sp.GetRequiredService<PromptProvider>(),
            (IAnswerComposer)Resolve(sp, composer),
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetService<ILogger<LlmAnswerComposer>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<Selection.AnswerPolicy>()), composer.Lifetime));

        var rewriter = services.LastOrDefault(d => d.ServiceType == typeof(IQuestionRewriter) && !d.IsKeyedService);
        if (rewriter is not null)
        {
            services.Remove(rewriter);
        }

        services.Add(ServiceDescriptor.Describe(typeof(IQuestionRewriter), sp => new LlmQuestionRewriter(
            sp.GetRequiredService<LlmChat>(),
            sp.GetRequiredService<PromptProvider>(),
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            rewriter is null ? null : (IQuestionRewriter)Resolve(sp, rewriter),
            sp.GetService<ILogger<LlmQuestionRewriter>>()), rewriter?.Lifetime ?? ServiceLifetime.Singleton));
        return services;
    }

    private static object Resolve(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);
}
