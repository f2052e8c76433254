using k8s;
using LabSandbox.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// KubernetesClient's strict loader takes every rendered object: a misspelt or misplaced field, which kubectl
/// kustomize renders and a lenient loader drops silently, fails here.
/// </summary>
public sealed class StrictLoadTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Every_rendered_object_loads_strictly(string overlay)
    {
        var yaml = await Kustomize.RenderAsync(DeployPaths.Overlay(overlay));
        var objects = Kustomize.LoadStrict(yaml);
        var documents = yaml.Split("\n---\n").Count(d => d.Contains("kind:"));
        output.WriteLine($"{overlay}: {objects.Count} objects loaded strictly");
        Assert.Equal(documents, objects.Count);
    }

    [Theory]
    // A typo in a field name.
    [InlineData("base/silo-deployment.yaml", "      terminationGracePeriodSeconds: 60", "      terminationGracePeriodSecond: 60")]
    // A real field at the wrong level (imagePullPolicy belongs to the container, not the pod).
    [InlineData("base/api-deployment.yaml", "      automountServiceAccountToken: false", "      automountServiceAccountToken: false\n      imagePullPolicy: Always")]
    public async Task Negative_control_an_unknown_field_fails_the_strict_load(string file, string find, string replacement)
    {
        using var copy = new OverlayCopy().Replace(file, find, replacement);
        var yaml = await Kustomize.RenderAsync(copy.Overlay("dev"));

        var error = Assert.ThrowsAny<Exception>(() => Kustomize.LoadStrict(yaml));
        output.WriteLine(error.Message);
        // The lenient loader takes the same text: strictness is what catches it.
        Assert.NotEmpty(KubernetesYaml.LoadAllFromString(yaml, strict: false));
    }
}
