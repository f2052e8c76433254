using System.Net;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The addresses the API will listen on, as configuration names them (<c>urls</c>, <c>ASPNETCORE_URLS</c>, Kestrel
/// endpoints), or the API's default; and whether an address is loopback only. <c>http_ports</c> never applies: the API
/// always sets <c>urls</c> (its default when none is given), which takes precedence over ports.
/// A test server with no configured address counts as the default (loopback): it is reachable from nowhere.
/// </summary>
public static class ListenAddresses
{
    public static IReadOnlyList<string> Of(IConfiguration configuration)
    {
        var urls = new List<string>();
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS" })
        {
            urls.AddRange(Split(configuration[key]));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());

        return urls.Count > 0 ? urls.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : [ApiServiceCollectionExtensions.DefaultUrl];
    }

    /// <summary>True for <c>localhost</c>, a loopback IP and a Unix socket; false for wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>), other IPs and host names.</summary>
    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || address.IsNamedPipe)
        {
            return true;
        }

        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
