using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NatoBriefBot.Channels.BotFramework.Auth;
using NatoBriefBot.Core.Answering.Llm;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion;

namespace NatoBriefBot.Hosting;

/// <summary>
/// What <c>dotnet run</c> prints for the person who started the bot: progress while the index is built, then one block with
/// the addresses to open, the authentication mode, the embedder and the LLM. Secrets, and endpoints that might carry them, are
/// never printed.
/// </summary>
public sealed class StartupReport(TextWriter output) : IProgress<IngestProgress>
{
    private const int ProgressSteps = 10;

    /// <summary>Says what is about to happen before the seeds are read (the first start embeds every briefing).</summary>
    public void IndexStarting(string databasePath, string seedsPath) =>
        output.WriteLine($"Bringing the index {databasePath} up to date with {seedsPath} ...");

    /// <summary>"Building the index: N of M briefings", about ten times per run and always for the last file.</summary>
    public void Report(IngestProgress value)
    {
        var step = Math.Max(1, value.Total / ProgressSteps);
        if (value.Done == value.Total || value.Done % step == 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Building the index: {value.Done} of {value.Total} briefings"));
        }
    }

    /// <summary>Prints the block once the server listens (its real addresses are known only then).</summary>
    public void PrintWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
            output.Write(Block(
                addresses,
                app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value,
                app.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
                app.Services.GetRequiredService<IOptions<LlmOptions>>().Value));
            output.Flush();
        });
    }

    internal static string Block(IReadOnlyList<string> addresses, BotAuthOptions auth, EmbeddingOptions embedding, LlmOptions llm)
    {
        var open = addresses.Count == 0 ? "http://localhost:" + ListenAddresses.DefaultPort : ListenAddresses.Browsable(addresses[0]);
        var rows = new (string Label, string Value)[]
        {
            ("Web Chat page", open + "/"),
            ("Emulator endpoint", open + "/api/messages" + (auth.IsAuthEnabled ? "" : " (leave App ID and password empty)")),
            ("JSON API", open + "/api/ask"),
            ("Listening on", string.Join(", ", addresses)),
            ("Authentication", Auth(auth)),
            ("Embedder", Embedder(embedding)),
            ("LLM", Llm(llm)),
        };
        var width = rows.Max(r => r.Label.Length) + 2;
        var lines = rows.Select(r => "  " + r.Label.PadRight(width) + r.Value);
        return string.Join(Environment.NewLine, ["", "NatoBriefBot is ready.", .. lines, "Press Ctrl+C to stop.", ""]) + Environment.NewLine;
    }

    private static string Auth(BotAuthOptions auth) => auth.IsAuthEnabled
        ? $"on: {auth.MicrosoftAppType}, app id {auth.MicrosoftAppId}" +
          (string.IsNullOrWhiteSpace(auth.MicrosoftAppTenantId) ? "" : $", tenant {auth.MicrosoftAppTenantId}")
        : "off (local mode for the Emulator and Web Chat; set MicrosoftAppId and MicrosoftAppPassword for Teams)";

    private static string Embedder(EmbeddingOptions embedding) => (embedding.Provider switch
    {
        var p when p.Equals("Onnx", StringComparison.OrdinalIgnoreCase) =>
            $"Onnx, {(string.IsNullOrWhiteSpace(embedding.OnnxModelPath) ? embedding.OnnxModel : "model in " + embedding.OnnxModelPath)}",
        var p when p.Equals("Hashing", StringComparison.OrdinalIgnoreCase) => "Hashing (lexical, no model)",
        var p => Remote(p, embedding.Model, embedding.Endpoint),
    }) + (string.IsNullOrWhiteSpace(embedding.SecondOpinion) ? "" : $"; {embedding.SecondOpinion} for answer selection");

    private static string Llm(LlmOptions llm) => llm.Provider.Equals(nameof(LlmProvider.None), StringComparison.OrdinalIgnoreCase)
        ? "none (answers are quoted from the briefings; set Llm:Provider to have an LLM write them)"
        : Remote(llm.Provider, string.IsNullOrWhiteSpace(llm.Deployment) ? llm.Model : llm.Deployment, llm.Endpoint);

    /// <summary>Provider, model and the endpoint's host and port only (a URL can hold a key in its query or user info).</summary>
    private static string Remote(string provider, string? model, string? endpoint) =>
        provider +
        (string.IsNullOrWhiteSpace(model) ? "" : $", {model}") +
        (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? $" at {uri.Host}:{uri.Port}" : "");
}
