using LabSandbox.Deploy.Tests.Infrastructure;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// docs/deploy.md says what an operator must do that the manifests cannot: create prod's external Secret (the one
/// reference the invariants accept without an object), and it says plainly what was not run on a real cluster.
/// </summary>
public sealed class DeployDocTests
{
    private static string Doc => File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "docs", "deploy.md"));

    [Fact]
    public void The_external_prod_Secret_is_documented_with_its_name_and_key()
    {
        foreach (var (name, key) in AgreedNames.ProdExternalSecrets)
        {
            Assert.Contains($"create secret generic {name}", Doc);
            Assert.Contains($"--from-literal={key}=", Doc);
        }
    }

    [Fact]
    public void The_doc_covers_the_operations_and_separates_offline_proof_from_what_never_ran()
    {
        string[] sections =
        [
            "## Apply the dev overlay", "## Set the production Secret", "## Scale silos", "## Rolling upgrade",
            "## What happens to running runs on a pod eviction", "## PostgreSQL backups", "## Resource sizing",
            "## Validated offline vs not run on a real cluster", "**Not run on a real cluster**",
        ];
        Assert.All(sections, section => Assert.Contains(section, Doc));
        Assert.Contains("(docs/deploy.md)", File.ReadAllText(Path.Combine(DeployPaths.RepositoryRoot, "README.md")));
    }
}
