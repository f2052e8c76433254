namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>The node scripts of tools/k8s-lint: validate.mjs (kubernetes-models) and lint-dockerfile.mjs (dockerfile-utils).</summary>
public static class NodeTools
{
    public static Task<ToolResult> RunScriptAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(DeployPaths.LintTools, "node_modules")))
        {
            throw new InvalidOperationException(
                $"{DeployPaths.LintTools}/node_modules is missing. Run ./scripts/test.sh, or `npm ci` in tools/k8s-lint.");
        }

        return ToolProcess.RunAsync("node", [script, .. arguments], workingDirectory: DeployPaths.LintTools);
    }

    /// <summary>Validates a rendered multi-document YAML against the Kubernetes types of kubernetes-models.</summary>
    public static async Task<ToolResult> ValidateManifestsAsync(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"labsandbox-rendered-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            return await RunScriptAsync("validate.mjs", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<ToolResult> LintDockerfilesAsync(params string[] dockerfiles) =>
        RunScriptAsync("lint-dockerfile.mjs", dockerfiles);
}
