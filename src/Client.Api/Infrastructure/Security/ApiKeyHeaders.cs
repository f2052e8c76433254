using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>Where a request carries its key: <c>Authorization: Bearer &lt;key&gt;</c> (preferred) or <c>X-Api-Key: &lt;key&gt;</c>.</summary>
public static class ApiKeyHeaders
{
    public const string ApiKeyHeader = "X-Api-Key";

    private const string BearerPrefix = "Bearer ";

    /// <summary>Whether the request presents a key at all (well-formed or not): such a request is judged by its key alone.</summary>
    public static bool IsPresent(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyHeader) || IsBearer(request.Headers.Authorization);

    /// <summary>The presented key's text (null when the header is repeated or empty, which no key matches).</summary>
    public static string? Read(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (IsBearer(authorization))
        {
            return authorization.Count == 1 ? authorization[0]![BearerPrefix.Length..].Trim() : null;
        }

        var header = request.Headers[ApiKeyHeader];
        return header.Count == 1 && header[0] is { Length: > 0 } key ? key.Trim() : null;
    }

    private static bool IsBearer(StringValues authorization) =>
        authorization.Any(a => a?.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401.</summary>
    public static void Challenge(HttpResponse response) =>
        response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer realm=\"{LabAuthSchemes.Realm}\"";
}
