using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace NatoBriefBot.Core.State;

/// <summary>
/// Where state shared between bot instances lives. The Redis connection string is <c>ConnectionStrings:Redis</c>
/// (<c>host:port[,password=...][,ssl=true]</c>); empty keeps every piece of state in the process (one machine).
/// Section <c>Redis</c> holds the rest.
/// </summary>
public sealed class SharedStateOptions
{
    public const string SectionName = "Redis";

    /// <summary>The configuration key of the connection string (never logged: it may hold a password).</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Redis";

    /// <summary>Said when the connection string cannot be read (it is never echoed).</summary>
    public const string NotAConnectionString =
        ConnectionStringKey + " is not a Redis connection string; write it as host:port, optionally followed by ,password=... and ,ssl=true.";

    /// <summary>Put before every key, so several bots (or test runs) can share one Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.:-]{1,64}$", ErrorMessage = "Redis:KeyPrefix must be 1 to 64 letters, digits or _ . : -")]
    public string KeyPrefix { get; set; } = "natobriefbot:";

    /// <summary>How long one Redis call may take before the bot gives up on it and carries on without shared state.</summary>
    [Range(100, 60_000)]
    public int TimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Filled from <see cref="ConnectionStringKey"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>True when <paramref name="configuration"/> names a Redis server.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[ConnectionStringKey]);
}
