using System.ComponentModel.DataAnnotations;

namespace NatoBriefBot.Hosting;

/// <summary>Request body sizes per endpoint and per-client rate limits. Section <c>Limits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest body <c>POST /api/messages</c> reads; checked before the bearer token.</summary>
    [Range(4 * 1024, 30 * 1024 * 1024)]
    public int MessagesBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Largest body <c>POST /api/ask</c> reads.</summary>
    [Range(1024, 1024 * 1024)]
    public int AskBodyBytes { get; set; } = 16 * 1024;

    /// <summary><c>/api/ask</c> calls one client (IP address) may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int AskPerMinute { get; set; } = 120;

    /// <summary>Direct Line tokens one client may have minted per minute.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerMinute { get; set; } = 20;

    /// <summary>Direct Line activities one client may post per minute.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinute { get; set; } = 60;
}
