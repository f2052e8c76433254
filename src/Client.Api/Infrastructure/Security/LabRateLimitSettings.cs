namespace LabSandbox.Api.Infrastructure.Security;

/// <summary><c>LabSandbox:Auth:RateLimit</c>: each key's token bucket on the API, and its cap on open event streams.</summary>
public sealed class LabRateLimitSettings
{
    public const string Section = LabAuthSettings.Section + ":RateLimit";

    /// <summary>Tokens added to a key's bucket each second: its sustained request rate.</summary>
    public int PermitsPerSecond { get; set; } = 20;

    /// <summary>The bucket's size: how many requests a key may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 100;

    /// <summary>Live event streams (server-sent events) a key may hold open at once.</summary>
    public int EventStreams { get; set; } = 4;
}
