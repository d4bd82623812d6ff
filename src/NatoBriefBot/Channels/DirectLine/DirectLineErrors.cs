namespace NatoBriefBot.Channels.DirectLine;

/// <summary>Errors in the Direct Line format: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal static class DirectLineErrors
{
    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static IResult TokenExpired(string message) => Error(StatusCodes.Status403Forbidden, "TokenExpired", message);

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "Forbidden", message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
