using LabSandbox.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// tools/k8s-lint/validate.mjs checks every rendered object against kubernetes-models' OpenAPI types: known
/// apiVersion/kind, field types, required fields.
/// </summary>
public sealed class SchemaValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_rendered_object_matches_the_Kubernetes_types(string overlay)
    {
        var result = await NodeTools.ValidateManifestsAsync((await Overlays.RenderAsync(overlay)).Yaml);
        output.WriteLine(result.ToString());
        Assert.True(result.Succeeded, result.ToString());
        Assert.Matches(@"^\d+ objects valid", result.Stdout.Trim());
    }

    [Theory]
    // A Deployment without its required selector.
    [InlineData("base/silo-deployment.yaml", "  selector:\n    matchLabels:\n      app.kubernetes.io/name: labsandbox\n      app.kubernetes.io/component: silo\n  strategy:", "  strategy:", "must have required property selector")]
    // A port number as a string.
    [InlineData("base/silo-deployment.yaml", "containerPort: 8081", "containerPort: \"8081\"", "must be integer")]
    // A container without its required name.
    [InlineData("base/migrate-job.yaml", "        - name: migrate\n          image:", "        - image:", "must have required property name")]
    public async Task Negative_control_a_type_or_required_field_error_fails_validation(string file, string find, string replacement, string expected)
    {
        using var copy = new OverlayCopy().Replace(file, find, replacement);
        var result = await NodeTools.ValidateManifestsAsync(await Kustomize.RenderAsync(copy.Overlay("dev")));
        output.WriteLine(result.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stdout);
    }
}
