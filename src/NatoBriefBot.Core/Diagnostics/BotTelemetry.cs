using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NatoBriefBot.Core.Diagnostics;

/// <summary>
/// The engine's traces and metrics, through .NET's own <see cref="ActivitySource"/> and <see cref="Meter"/>: a span per turn
/// with its retrieval and composition inside (the LLM call, when there is one, is the connector's own span inside the
/// composition), and histograms of how long each takes. Nothing is recorded unless a listener subscribes; the host exports
/// them over OTLP when <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class BotTelemetry
{
    /// <summary>The name of both the activity source and the meter.</summary>
    public const string Name = "NatoBriefBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Milliseconds per turn (question to answer), tagged with the outcome.</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("natobriefbot.turn.duration", "ms", "Time to answer a question");

    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>("natobriefbot.retrieval.duration", "ms", "Time to retrieve evidence");

    public static readonly Histogram<double> CompositionDuration = Meter.CreateHistogram<double>("natobriefbot.composition.duration", "ms", "Time to compose the answer (LLM call included)");
}
