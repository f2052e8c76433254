using System.Diagnostics;
using System.Text.Json;
using LabSandbox.Api.Client.Tests.Infrastructure;

namespace LabSandbox.Api.Client.Tests.OpenApi;

/// <summary>One Spectral finding: severity 0 error, 1 warning, 2 info, 3 hint (Spectral's numbering).</summary>
public sealed record SpectralFinding(string Code, int Severity, string Message, string Path, int Line)
{
    public override string ToString() =>
        $"{(Severity == 0 ? "error" : Severity == 1 ? "warning" : "info")} {Code} at {Path} (line {Line}): {Message}";
}

/// <summary>
/// Runs the pinned Spectral CLI of tools/api-lint (installed by scripts/test.sh with npm ci) as a process, with
/// the project's ruleset, and reads its JSON report. Missing tools are a failure, never a skip.
/// </summary>
public static class Spectral
{
    public static string ToolsFolder => Path.Combine(RepoRoot.Path, "tools", "api-lint");

    public static async Task<IReadOnlyList<SpectralFinding>> LintAsync(string document)
    {
        var cli = Path.Combine(ToolsFolder, "node_modules", ".bin", "spectral");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"Spectral is not installed ({cli} is missing). Run ./scripts/test.sh, or `npm ci` in tools/api-lint.");
        }

        // --output keeps the JSON report apart from Spectral's own messages on stdout.
        var report = Path.Combine(Path.GetTempPath(), $"labsandbox-spectral-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(cli)
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "lint", document, "--ruleset", Path.Combine(ToolsFolder, ".spectral.yaml"),
                     "--fail-severity", "error", "--format", "json", "--output", report,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            // Exit 0: no errors; 1: errors found (in the report); anything else: Spectral itself failed.
            if (process.ExitCode is not (0 or 1) || !File.Exists(report))
            {
                throw new InvalidOperationException(
                    $"spectral exited {process.ExitCode} without a report.\nstdout: {await stdout}\nstderr: {await stderr}");
            }

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            return json.RootElement.EnumerateArray().Select(Finding).ToList();
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static SpectralFinding Finding(JsonElement r) => new(
        r.GetProperty("code").ToString(),
        r.GetProperty("severity").GetInt32(),
        r.GetProperty("message").GetString() ?? "",
        string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString())),
        r.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() + 1);
}
