using System.Diagnostics;
using System.Text;
using LabSandbox.TestSupport;

namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>A real `LabSandbox.Silo` process (the built binary), configured through its environment.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process) => _process = process;

    public int SiloPort { get; private init; }

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

    public static SiloProcess Start(string connectionString, string serviceId, string artifactRoot)
    {
        var siloPort = FreePorts.Next();
        var info = new ProcessStartInfo("dotnet", [RepoPaths.SiloDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.SiloDll)!,
        };
        info.Environment["ConnectionStrings__LabSandbox"] = connectionString;
        info.Environment["LabSandbox__ClusterId"] = serviceId;
        info.Environment["LabSandbox__ServiceId"] = serviceId;
        info.Environment["LabSandbox__SiloPort"] = siloPort.ToString();
        info.Environment["LabSandbox__GatewayPort"] = FreePorts.Next().ToString();
        info.Environment["LabSandbox__ArtifactRoot"] = artifactRoot;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the silo process");
        var silo = new SiloProcess(process) { SiloPort = siloPort };
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
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
