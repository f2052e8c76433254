using LabSandbox.Api.Infrastructure.Hosting;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// <c>LabSandbox:Auth</c>: whether requests need a key (<see cref="Mode"/>) and the per-key limits. The mode defaults
/// to <c>loopback-open</c> only for the embedded default listening on loopback alone; anything reachable from another
/// machine, or an API in client mode (a deployment), requires authentication. An open mode on a non-loopback address
/// is refused at start.
/// </summary>
public sealed class LabAuthSettings
{
    public const string Section = "LabSandbox:Auth";
    public const string ModeKey = Section + ":Mode";
    public const string RequiredMode = "required";
    public const string LoopbackOpenMode = "loopback-open";

    /// <summary><see cref="RequiredMode"/> or <see cref="LoopbackOpenMode"/>, as resolved at start.</summary>
    public required string Mode { get; init; }

    public bool IsLocalMode => Mode == LoopbackOpenMode;

    /// <summary>The addresses the decision was made on (for the start-up log line).</summary>
    public required IReadOnlyList<string> ListenUrls { get; init; }

    public required LabRateLimitSettings RateLimit { get; init; }

    /// <summary>Reads and checks the settings; throws when the configured mode is unknown or open on a non-loopback address.</summary>
    public static LabAuthSettings Resolve(IConfiguration configuration)
    {
        var urls = ListenAddresses.Of(configuration);
        var everyUrlLoopback = urls.All(ListenAddresses.IsLoopback);
        var embedded = string.Equals(configuration[LabOrleansHosting.ModeKey] ?? "embedded", "embedded", StringComparison.OrdinalIgnoreCase);
        var configured = configuration[ModeKey];
        var mode = configured?.Trim().ToLowerInvariant() switch
        {
            null or "" => embedded && everyUrlLoopback ? LoopbackOpenMode : RequiredMode,
            RequiredMode => RequiredMode,
            LoopbackOpenMode => LoopbackOpenMode,
            _ => throw new InvalidOperationException($"{ModeKey} must be '{RequiredMode}' or '{LoopbackOpenMode}', not '{configured}'."),
        };
        if (mode == LoopbackOpenMode && !everyUrlLoopback)
        {
            throw new InvalidOperationException(
                $"{ModeKey} is '{LoopbackOpenMode}' but the API would listen on a non-loopback address "
                + $"({string.Join(", ", urls.Where(u => !ListenAddresses.IsLoopback(u)))}): anyone on the network could use it without a key. "
                + $"Listen on 127.0.0.1 or localhost only, or set {ModeKey}={RequiredMode} and create keys with 'LabSandbox.Silo keys create'.");
        }

        return new LabAuthSettings
        {
            Mode = mode,
            ListenUrls = urls,
            RateLimit = configuration.GetSection(LabRateLimitSettings.Section).Get<LabRateLimitSettings>() ?? new LabRateLimitSettings(),
        };
    }
}
