using System.Diagnostics;
using System.Text;
using LabSandbox.TestSupport;

namespace LabSandbox.Browser.Tests.Infrastructure;

/// <summary>
/// A fresh embedded lab, as a new user starts it: the API's own binary in its own process, on free loopback ports,
/// with an empty artifact folder. Killed (with its silo) when disposed.
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string workDir;

    private LabProcess(Process process, string workDir, Uri baseAddress, int gatewayPort)
    {
        this.process = process;
        this.workDir = workDir;
        BaseAddress = baseAddress;
        GatewayPort = gatewayPort;
    }

    public Uri BaseAddress { get; }

    /// <summary>The embedded silo's gateway port on loopback: where a silo host command (e.g. <c>keys create</c>) reaches this lab.</summary>
    public int GatewayPort { get; }

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<LabProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(RepoPaths.ApiDll))
        {
            throw new InvalidOperationException($"{RepoPaths.ApiDll} is missing: build the solution first.");
        }

        var workDir = Directory.CreateTempSubdirectory("labsandbox-browser-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.ApiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        info.Environment["LabSandbox__SiloPort"] = FreePorts.Next().ToString();
        var gatewayPort = FreePorts.Next();
        info.Environment["LabSandbox__GatewayPort"] = gatewayPort.ToString();
        info.Environment["LabSandbox__ArtifactRoot"] = Path.Combine(workDir, "artifacts");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ConnectionStrings__LabSandbox");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var lab = new LabProcess(process, workDir, baseAddress, gatewayPort);
        process.OutputDataReceived += (_, e) => lab.Append(e.Data);
        process.ErrorDataReceived += (_, e) => lab.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await lab.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return lab;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The lab exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The lab did not become healthy in {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temp folder is cleaned by the OS.
        }
    }
}
