namespace LabSandbox.Api.Components.Account;

/// <summary>
/// Where the sign-in page may send a user afterwards: a path of this site only. Anything else (another host,
/// <c>//evil.example</c>, <c>/\evil.example</c>, a scheme, control characters) becomes <c>/</c>, so the sign-in page
/// cannot be used as an open redirect.
/// </summary>
public static class SignInReturnUrl
{
    /// <summary>The sign-in page's query parameter: also the session cookie's challenge redirect's.</summary>
    public const string Parameter = "returnUrl";

    public static string Sanitize(string? url)
    {
        if (url is not { Length: > 0 } || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return "/";
        }

        if (url.Any(c => char.IsControl(c) || c == '\\') || url.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("/sign-out", StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        return url;
    }

    /// <summary>The sign-in address that returns to <paramref name="path"/> (a base-relative path with its query).</summary>
    public static string SignInHref(string path) => $"/sign-in?{Parameter}={Uri.EscapeDataString(Sanitize(path))}";
}
