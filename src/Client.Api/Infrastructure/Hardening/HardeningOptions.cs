namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// Settings of the <c>LabSandbox:Api</c> section that bound what a request may be: the body size, and which other
/// origins (if any) a browser may let call <c>/api</c>.
/// </summary>
public sealed class HardeningOptions
{
    public const string Section = "LabSandbox:Api";

    /// <summary>1 MiB: the largest real body (a synthetic calcutta with every entry) is a few tens of KiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>How deep a JSON body may nest; the deepest request schema nests 4 levels.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>The largest request body in bytes; a larger one is a 413 before anything reads it.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    public CorsSettings Cors { get; set; } = new();

    public sealed class CorsSettings
    {
        /// <summary>Origins (<c>https://host:port</c>) a browser may call <c>/api</c> from; empty (the default) sends no CORS headers at all.</summary>
        public string[] AllowedOrigins { get; set; } = [];
    }
}
