using LabSandbox.Grains.Runs;

namespace LabSandbox.Silo.Hosting;

/// <summary>Settings of the <c>LabSandbox</c> configuration section (environment: <c>LabSandbox__Name</c>).</summary>
public sealed class LabSandboxOptions
{
    public const string Section = "LabSandbox";

    /// <summary>The connection-string name: <c>ConnectionStrings:LabSandbox</c> selects the PostgreSQL providers.</summary>
    public const string ConnectionStringName = "LabSandbox";

    public string ClusterId { get; set; } = "labsandbox";

    public string ServiceId { get; set; } = "labsandbox";

    /// <summary>Silo-to-silo port; 0 picks a free one (PostgreSQL clustering only).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address the silo advertises (loopback by default).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Root folder of the local artifact store; relative paths are under the current directory.</summary>
    public string ArtifactRoot { get; set; } = ".artifacts";

    /// <summary>
    /// Where new heavy artifact bytes go: <c>auto</c> (default: PostgreSQL when <c>ConnectionStrings:LabSandbox</c> is
    /// set, the folder otherwise), <c>folder</c> or <c>postgres</c>. URIs of the other store stay readable.
    /// </summary>
    public string ArtifactStore { get; set; } = "auto";

    /// <summary>Folder of the real data to import at start; defaults to the copy shipped with the binaries.</summary>
    public string? RealDataFolder { get; set; }

    /// <summary>Import the bundled real tournaments and pools when the silo starts (idempotent).</summary>
    public bool ImportRealData { get; set; } = true;

    /// <summary>Leases, reminders and attempt limits of runs (<c>LabSandbox:Runs:Lease</c>, …).</summary>
    public RunRecoveryOptions Runs { get; set; } = new();

    /// <summary>How many times a client tries to reach a gateway before giving up.</summary>
    public int ClientConnectAttempts { get; set; } = 10;
}
