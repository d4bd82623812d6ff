namespace NatoBriefBot.Channels.BotFramework;

/// <summary>Checks that an incoming activity has what the bot needs to answer it.</summary>
public static class ActivityValidator
{
    /// <summary>Null when <paramref name="activity"/> can be handled, else a sentence saying what is missing.</summary>
    public static string? Validate(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no 'type'.";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no 'channelId'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no 'conversation.id'.";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return "The activity has no 'serviceUrl' to send replies to.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) ||
            (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's 'serviceUrl' is not an absolute http(s) URL.";
        }

        if (!IsPlainServiceUrl(activity.ServiceUrl))
        {
            return "The activity's 'serviceUrl' must be a plain base URL: no '.' or '..' path segments, query or fragment.";
        }

        if (activity.Type is "message" or "invoke" && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return $"The {activity.Type} activity has no 'from.id'.";
        }

        return null;
    }

    /// <summary>Whether replies built from <paramref name="serviceUrl"/> go where it says: no dot segments (also percent-encoded
    /// or with backslashes), no query, no fragment.</summary>
    private static bool IsPlainServiceUrl(string serviceUrl)
    {
        if (serviceUrl.IndexOfAny(['?', '#']) >= 0)
        {
            return false;
        }

        var pathStart = serviceUrl.IndexOfAny(['/', '\\'], serviceUrl.IndexOf("://", StringComparison.Ordinal) + 3);
        if (pathStart < 0)
        {
            return true;
        }

        var path = Uri.UnescapeDataString(serviceUrl[pathStart..]);
        return !path.Split('/', '\\').Any(segment => segment is "." or "..");
    }
}
