using LabSandbox.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// Both Dockerfiles pass dockerfile-utils at error severity and the project's rules (tools/k8s-lint/lint-dockerfile.mjs):
/// multi-stage SDK → runtime, numeric non-root USER, exec-form ENTRYPOINT. No image is built here (no Docker engine).
/// </summary>
public sealed class DockerfileLintTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("silo.Dockerfile")]
    [InlineData("api.Dockerfile")]
    public async Task Dockerfile_passes_the_lint(string name)
    {
        var result = await NodeTools.LintDockerfilesAsync(Path.Combine(DeployPaths.DockerFolder, name));
        output.WriteLine(result.ToString());
        Assert.True(result.Succeeded, result.ToString());
    }

    [Theory]
    [InlineData("USER 1654\n", "", "no USER")]
    [InlineData("USER 1654\n", "USER root\n", "numeric non-root UID")]
    [InlineData("ENTRYPOINT [\"dotnet\", \"LabSandbox.Silo.dll\"]", "ENTRYPOINT dotnet LabSandbox.Silo.dll", "exec (JSON) form")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final", "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS final", "final stage must run FROM")]
    [InlineData("WORKDIR /app\nCOPY --from", "workdir app\nCOPY --from", "uppercase")]
    [InlineData("EXPOSE 11111 30000 8081", "EXPOSE 11111 30000 health", "Invalid containerPort")]
    public async Task Negative_control_a_broken_Dockerfile_fails_the_lint(string find, string replacement, string expected)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(DeployPaths.DockerFolder, "silo.Dockerfile"))).ReplaceLineEndings("\n");
        Assert.Contains(find, text);
        var broken = Path.Combine(Path.GetTempPath(), $"labsandbox-broken-{Guid.NewGuid():N}.Dockerfile");
        await File.WriteAllTextAsync(broken, text.Replace(find, replacement));
        try
        {
            var result = await NodeTools.LintDockerfilesAsync(broken);
            output.WriteLine(result.ToString());
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Stdout);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
