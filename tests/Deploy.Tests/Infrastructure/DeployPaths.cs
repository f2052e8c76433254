using LabSandbox.TestSupport;

namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>Where the deployment sources and their offline tools live in the repository.</summary>
public static class DeployPaths
{
    /// <summary>The nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string RepositoryRoot => BuiltBinaries.RepositoryRoot;

    /// <summary>deploy/k8s: base/ and overlays/.</summary>
    public static string KubernetesFolder => Path.Combine(RepositoryRoot, "deploy", "k8s");

    public static string DevOverlay => Overlay("dev");

    public static string ProdOverlay => Overlay("prod");

    public static string DockerFolder => Path.Combine(RepositoryRoot, "deploy", "docker");

    /// <summary>tools/k8s-lint: kubectl (from the CDK layer), kubernetes-models and dockerfile-utils, installed by npm ci.</summary>
    public static string LintTools => Path.Combine(RepositoryRoot, "tools", "k8s-lint");

    public static string Overlay(string name) => Path.Combine(KubernetesFolder, "overlays", name);
}
