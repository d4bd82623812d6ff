using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NatoBriefBot.Channels.DirectLine;

/// <summary>What a Direct Line token grants: one conversation, as one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, string? UserName, DateTimeOffset Expires);

/// <summary>The outcome of reading a bearer token: a grant, or why there is none.</summary>
public sealed record TokenCheck(DirectLineGrant? Grant, bool Expired, string? Problem)
{
    public bool IsValid => Grant is not null;
}

/// <summary>
/// Issues and checks Direct Line tokens: JWTs signed with HMAC-SHA256 under <see cref="IDirectLineSigningKey"/> (made when
/// the process starts, or shared by every instance through Redis). The <c>user</c> claim is where Web Chat and directlinejs look for the user id.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "NatoBriefBot.DirectLine";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private const string NameClaim = "name";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly IDirectLineSigningKey _key;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time, IDirectLineSigningKey? key = null)
    {
        _key = key ?? new DirectLineSigningKey();
        _options = options;
        _time = time;
    }

    public TimeSpan Lifetime => _options.Value.TokenLifetime;

    /// <summary>Issues a token for <paramref name="conversationId"/> and the user, valid for <see cref="Lifetime"/> from now.</summary>
    public string Issue(string conversationId, string userId, string? userName)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { [ConversationClaim] = conversationId, [UserClaim] = userId };
        if (!string.IsNullOrEmpty(userName))
        {
            claims[NameClaim] = userName;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key.Current(), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Checks signature, issuer and expiry of <paramref name="token"/>.</summary>
    public async Task<TokenCheck> CheckAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenCheck(null, false, "No Direct Line token was sent. Send 'Authorization: Bearer <token>' with a token from POST /v3/directline/tokens/generate.");
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = _key.Current(),
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (_, expires, _, _) => expires is { } e && e > _time.GetUtcNow().UtcDateTime,
        }).ConfigureAwait(false);

        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
                ? new TokenCheck(null, true, "The Direct Line token has expired. Get a new one from POST /v3/directline/tokens/generate and start a new conversation.")
                : new TokenCheck(null, false, "The Direct Line token is not valid here. Get one from POST /v3/directline/tokens/generate.");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>(ConversationClaim, out var conversationId) || !jwt.TryGetPayloadValue<string>(UserClaim, out var userId))
        {
            return new TokenCheck(null, false, "The Direct Line token does not name a conversation. Get one from POST /v3/directline/tokens/generate.");
        }

        jwt.TryGetPayloadValue<string>(NameClaim, out var userName);
        return new TokenCheck(new DirectLineGrant(conversationId, userId, userName, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)), false, null);
    }
}
