using System.Diagnostics;
using System.Text;
using k8s.Models;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// A container of the rendered manifests run as a real process: the image's entry point (the built binary of the
/// image's project), the container's args, and exactly the container's environment (nothing inherited but what
/// <c>dotnet</c> itself needs to start).
/// </summary>
public sealed class ManifestProcess : IAsyncDisposable
{
    private static readonly string[] HostVariables = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR", "LANG"];
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ManifestProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

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

    public static ManifestProcess Start(string name, V1Container container, IReadOnlyDictionary<string, string> environment)
    {
        if (container.Command is { Count: > 0 })
        {
            throw new InvalidOperationException($"{name}: the container overrides the image's entry point ({string.Join(' ', container.Command)}).");
        }

        var binary = BuiltImages.EntryPointOf(container.Image);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        };
        info.ArgumentList.Add(binary);
        foreach (var argument in container.Args ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var variable in HostVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { } value)
            {
                info.Environment[variable] = value;
            }
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name}: dotnet did not start");
        var started = new ManifestProcess(name, process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>What the kubelet cannot soften: SIGKILL, and the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
