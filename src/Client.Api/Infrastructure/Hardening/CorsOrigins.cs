namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>The configured CORS allow-list, checked at start: each entry an origin (<c>scheme://host[:port]</c>), no wildcard.</summary>
public static class CorsOrigins
{
    public static string[] Of(HardeningOptions options)
    {
        var origins = options.Cors.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origin.Contains('*'))
            {
                throw new InvalidOperationException(
                    $"{HardeningOptions.Section}:Cors:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path, no wildcard).");
            }
        }

        return origins;
    }
}
