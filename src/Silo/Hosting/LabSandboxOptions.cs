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

    /// <summary>
    /// How long the .NET host waits for a graceful stop (HostOptions.ShutdownTimeout) of a silo host or the API.
    /// Kubernetes must allow more (terminationGracePeriodSeconds) or it kills the process mid-shutdown.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The standalone silo host's HTTP health port (<c>/health/live</c>, <c>/health/ready</c>). Unset: 8081 with
    /// Kubernetes hosting, otherwise no health server; 0 turns it off.
    /// </summary>
    public int? HealthPort { get; set; }

    /// <summary>Kubernetes hosting (<c>LabSandbox:Kubernetes:Enabled</c>, <c>LabSandbox:Kubernetes:KubeConfigPath</c>).</summary>
    public KubernetesSettings Kubernetes { get; set; } = new();
}

/// <summary>The <c>LabSandbox:Kubernetes</c> section; see <see cref="KubernetesHosting"/> for the rules.</summary>
public sealed class KubernetesSettings
{
    /// <summary>Unset: on when the process runs in a pod (KUBERNETES_SERVICE_HOST is set).</summary>
    public bool? Enabled { get; set; }

    /// <summary>A kubeconfig file to use instead of the pod's in-cluster service account (out-of-cluster runs, tests).</summary>
    public string? KubeConfigPath { get; set; }
}
