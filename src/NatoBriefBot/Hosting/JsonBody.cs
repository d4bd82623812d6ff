using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace NatoBriefBot.Hosting;

/// <summary>Why a JSON request body could not be read.</summary>
public enum BodyProblem
{
    None,
    TooLarge,
    InvalidText,
    InvalidJson,
}

/// <summary>A JSON body read within a size limit: the value, or the problem and a sentence about it.</summary>
public readonly record struct BodyRead<T>(T? Value, BodyProblem Problem, string? Message)
{
    /// <summary>The HTTP status that goes with <see cref="Problem"/>.</summary>
    public int Status => Problem == BodyProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
}

/// <summary>
/// Reads request bodies the same way on every endpoint: the declared length is checked first, Kestrel is told to stop
/// reading at the limit (for chunked bodies), and invalid UTF-8 or lone surrogates become a clear message, not a 500.
/// </summary>
public static class JsonBody
{
    public const string InvalidTextMessage =
        "The request is not valid Unicode text: it holds invalid UTF-8 bytes or a lone surrogate such as \\ud800. Send plain UTF-8 text.";

    public static string TooLargeMessage(long maxBytes) =>
        $"The request body is larger than {maxBytes / 1024} KB, the limit for this endpoint. Send a shorter message.";

    /// <summary>False when the body declares more than <paramref name="maxBytes"/>; otherwise caps how much Kestrel reads.</summary>
    public static bool Limit(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return false;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return true;
    }

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, long maxBytes, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (!Limit(request, maxBytes))
        {
            return new(default, BodyProblem.TooLarge, TooLargeMessage(maxBytes));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken).ConfigureAwait(false);
            return new(value, BodyProblem.None, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(default, BodyProblem.TooLarge, TooLargeMessage(maxBytes));
        }
        catch (JsonException ex) when (IsInvalidText(ex))
        {
            return new(default, BodyProblem.InvalidText, InvalidTextMessage);
        }
        catch (JsonException ex)
        {
            return new(default, BodyProblem.InvalidJson, ex.Message);
        }
    }

    /// <summary>Whether <paramref name="ex"/> says the text itself was broken (invalid UTF-8, a lone surrogate) rather than the JSON.</summary>
    public static bool IsInvalidText(Exception ex) => ex switch
    {
        DecoderFallbackException => true,
        JsonException { InnerException: { } inner } => IsInvalidText(inner),
        // System.Text.Json reports undecodable string content as InvalidOperationException.
        InvalidOperationException => true,
        _ => false,
    };
}
