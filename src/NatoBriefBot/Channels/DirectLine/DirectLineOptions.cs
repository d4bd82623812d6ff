using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>Limits of the built-in Direct Line channel. Section <c>DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>How long a token is valid after it is issued or refreshed (fractions allowed).</summary>
    [Range(0.001, 1440)]
    public double TokenMinutes { get; set; } = 30;

    /// <summary>Conversations kept in memory at once; starting one more drops the least recently used.</summary>
    [Range(1, 100_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones are dropped (watermarks keep counting).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Largest activity a client may post, in bytes of JSON; a question never comes close.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of JSON kept per conversation; older activities are dropped beyond it (at least
    /// <see cref="MaxActivityBytes"/>).</summary>
    [Range(2048, 256 * 1024 * 1024)]
    public int MaxBytesPerConversation { get; set; } = 512 * 1024;

    /// <summary>Bytes of JSON kept over all conversations; beyond it the least recently used conversations are dropped
    /// (at least <see cref="MaxBytesPerConversation"/>).</summary>
    [Range(2048, 16L * 1024 * 1024 * 1024)]
    public long MaxTotalBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>A conversation nobody touched for this long is forgotten.</summary>
    [Range(0.01, 10_080)]
    public double IdleMinutes { get; set; } = 60;

    /// <summary>The bot's account in Direct Line conversations.</summary>
    [Required]
    public string BotId { get; set; } = "natobriefbot";

    [Required]
    public string BotName { get; set; } = "NatoBriefBot";

    internal TimeSpan TokenLifetime => TimeSpan.FromMinutes(TokenMinutes);

    internal TimeSpan IdleLifetime => TimeSpan.FromMinutes(IdleMinutes);
}

/// <summary>Cross-field rules of <see cref="DirectLineOptions"/>: each byte limit fits inside the next.</summary>
public sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxActivityBytes > options.MaxBytesPerConversation)
        {
            failures.Add($"DirectLine:MaxBytesPerConversation ({options.MaxBytesPerConversation}) must be at least DirectLine:MaxActivityBytes ({options.MaxActivityBytes}).");
        }

        if (options.MaxBytesPerConversation > options.MaxTotalBytes)
        {
            failures.Add($"DirectLine:MaxTotalBytes ({options.MaxTotalBytes}) must be at least DirectLine:MaxBytesPerConversation ({options.MaxBytesPerConversation}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
