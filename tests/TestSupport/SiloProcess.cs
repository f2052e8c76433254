using System.Diagnostics;
using System.Text;
namespace LabSandbox.TestSupport;

/// <summary>
/// A real `LabSandbox.Silo` process (the built binary), configured through its environment. It inherits no
/// Kubernetes or Orleans variables from the test runner (a CI job in a pod has KUBERNETES_SERVICE_HOST set, which
/// would turn Kubernetes hosting on): a test that wants them passes them in <c>environment</c>.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process) => _process = process;

    /// <summary>Variables a silo must never inherit from the test runner.</summary>
    private static readonly string[] NotInherited =
        ["KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];

    public int SiloPort { get; private init; }

    public int GatewayPort { get; private init; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <param name="environment">Extra settings (e.g. <c>LabSandbox__Runs__Lease</c>), applied last.</param>
    public static SiloProcess Start(string connectionString, string serviceId, string artifactRoot, IReadOnlyDictionary<string, string>? environment = null)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        if (!File.Exists(BuiltBinaries.SiloDll))
        {
            throw new InvalidOperationException($"{BuiltBinaries.SiloDll} is missing: build src/Silo first.");
        }

        var info = new ProcessStartInfo("dotnet", [BuiltBinaries.SiloDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BuiltBinaries.SiloDll)!,
        };
        foreach (var name in NotInherited)
        {
            info.Environment.Remove(name);
        }

        info.Environment["ConnectionStrings__LabSandbox"] = connectionString;
        info.Environment["LabSandbox__ClusterId"] = serviceId;
        info.Environment["LabSandbox__ServiceId"] = serviceId;
        info.Environment["LabSandbox__SiloPort"] = siloPort.ToString();
        info.Environment["LabSandbox__GatewayPort"] = gatewayPort.ToString();
        info.Environment["LabSandbox__ArtifactRoot"] = artifactRoot;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo process");
        var silo = new SiloProcess(process) { SiloPort = siloPort, GatewayPort = gatewayPort };
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits for the process to end by itself (e.g. refusing its configuration); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout.TotalSeconds:0} s:\n" + Output);
        }

        return _process.ExitCode;
    }

    /// <summary>A crash: SIGKILL, no shutdown of any kind; waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString()]))
            {
                await kill!.WaitForExitAsync();
            }

            await _process.WaitForExitAsync();
        }
    }

    /// <summary>A graceful stop, as an orchestrator does it (SIGTERM), waiting for the process to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The silo did not stop within 30 s after SIGTERM:\n" + Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
