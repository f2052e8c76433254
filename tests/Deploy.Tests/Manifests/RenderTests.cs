using k8s.Models;
using LabSandbox.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary><c>kubectl kustomize</c> renders both overlays with the agreed objects; a broken overlay does not render.</summary>
public sealed class RenderTests(ITestOutputHelper output)
{
    private static readonly string[] Shared =
    [
        "Namespace/labsandbox", "ServiceAccount/labsandbox-silo", "Role/labsandbox-silo", "RoleBinding/labsandbox-silo",
        "ConfigMap/labsandbox-config", "Deployment/labsandbox-silo", "PodDisruptionBudget/labsandbox-silo",
        "Deployment/labsandbox-api", "Service/labsandbox-api", "Job/labsandbox-migrate",
    ];

    [Theory]
    [InlineData("dev", new[] { "Secret/labsandbox-db", "StatefulSet/labsandbox-postgres", "Service/labsandbox-postgres" })]
    [InlineData("prod", new[] { "HorizontalPodAutoscaler/labsandbox-api" })]
    public async Task Overlay_renders_the_agreed_objects_in_the_labsandbox_namespace(string overlay, string[] own)
    {
        var m = await Overlays.RenderAsync(overlay);
        var rendered = m.Objects.Select(o => $"{o.Kind}/{((dynamic)o).Metadata.Name}").Cast<string>().ToList();
        output.WriteLine($"{overlay}: {rendered.Count} objects: {string.Join(", ", rendered)}");

        Assert.Equal(Shared.Concat(own).Order(), rendered.Order());
        Assert.All(m.Objects.Where(o => o.Kind != "Namespace"), o => Assert.Equal(AgreedNames.Namespace, (string)((dynamic)o).Metadata.NamespaceProperty));
    }

    [Fact]
    public async Task Dev_runs_one_silo_on_its_own_PostgreSQL_with_a_generated_secret()
    {
        var m = await Overlays.RenderAsync("dev");
        Assert.Equal(1, m.Get<V1Deployment>(AgreedNames.Silo).Spec.Replicas);
        var postgres = m.Get<V1StatefulSet>("labsandbox-postgres");
        Assert.StartsWith("postgres:15", postgres.Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal("data", postgres.Spec.VolumeClaimTemplates.Single().Metadata.Name);
        Assert.Contains("Host=labsandbox-postgres;", m.SecretValue(AgreedNames.DatabaseSecret, AgreedNames.ConnectionStringKey));
    }

    [Fact]
    public async Task Prod_runs_three_silos_pinned_images_an_autoscaled_api_and_no_secret_of_its_own()
    {
        var m = await Overlays.RenderAsync("prod");
        Assert.True(m.Get<V1Deployment>(AgreedNames.Silo).Spec.Replicas >= 3);
        Assert.Empty(m.All<V1Secret>());
        Assert.Empty(m.All<V1StatefulSet>());
        var hpa = m.Get<V2HorizontalPodAutoscaler>(AgreedNames.Api);
        Assert.True(hpa.Spec.MinReplicas >= 2 && hpa.Spec.MaxReplicas > hpa.Spec.MinReplicas);
        // The autoscaler owns the API's replica count; a rendered one would reset it on every apply.
        Assert.Null(m.Get<V1Deployment>(AgreedNames.Api).Spec.Replicas);

        var images = m.All<V1Deployment>().Select(d => d.Spec.Template).Concat(m.All<V1Job>().Select(j => j.Spec.Template))
            .SelectMany(t => t.Spec.Containers).Select(c => c.Image).ToList();
        Assert.All(images, image => Assert.Matches(@"^labsandbox/(silo|api)(:\d+\.\d+\.\d+|@sha256:[0-9a-f]{64})$", image));
    }

    [Fact]
    public async Task Negative_control_an_overlay_naming_a_missing_resource_does_not_render()
    {
        using var copy = new OverlayCopy().Replace("overlays/dev/kustomization.yaml", "  - postgres.yaml", "  - postgress.yaml");
        var error = await Assert.ThrowsAsync<KustomizeException>(() => Kustomize.RenderAsync(copy.Overlay("dev")));
        output.WriteLine(error.Message);
        Assert.Contains("postgress.yaml", error.Message);
    }
}
