using LabSandbox.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// The committed overlays keep every invariant of <see cref="ManifestInvariants"/>; each check catches a copy of
/// the overlay broken on purpose in the way it guards against.
/// </summary>
public sealed class InvariantsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Overlay_keeps_every_invariant(string overlay)
    {
        var violations = ManifestInvariants.Check(await Overlays.RenderAsync(overlay), Overlays.ExternalSecrets(overlay));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>(check, file under deploy/k8s, text, its broken replacement, expected violation fragment).</summary>
    public static TheoryData<string, string, string, string, string> Breaks => new()
    {
        { "selector", "base/silo-deployment.yaml", "app.kubernetes.io/component: silo\n        orleans/serviceId", "app.kubernetes.io/component: silo-typo\n        orleans/serviceId", "[selector] Deployment labsandbox-silo" },
        { "service selector", "base/api-service.yaml", "    app.kubernetes.io/component: api\n  ports:", "    app.kubernetes.io/component: web\n  ports:", "[selector] Service labsandbox-api" },
        { "service port", "base/api-service.yaml", "targetPort: http", "targetPort: web", "targetPort web" },
        { "pdb selector", "base/silo-pdb.yaml", "      app.kubernetes.io/component: silo", "      app.kubernetes.io/component: silos", "[selector] PodDisruptionBudget" },
        { "label id", "base/silo-deployment.yaml", "orleans/clusterId: labsandbox", "orleans/clusterId: labsandbox-blue", "[ids] the cluster id" },
        { "configured id", "base/configmap.yaml", "service-id: labsandbox", "service-id: lab", "[ids] the service id" },
        { "api id", "base/api-deployment.yaml", "- name: LabSandbox__ClusterId\n              valueFrom:\n                configMapKeyRef:\n                  name: labsandbox-config\n                  key: cluster-id", "- name: LabSandbox__ClusterId\n              value: labsandbox-api", "api LabSandbox__ClusterId=labsandbox-api" },
        { "pod ip", "base/silo-deployment.yaml", "LabSandbox__AdvertisedAddress\n              valueFrom:\n                fieldRef:\n                  fieldPath: status.podIP", "LabSandbox__AdvertisedAddress\n              valueFrom:\n                fieldRef:\n                  fieldPath: status.hostIP", "[downward-api] silo LabSandbox__AdvertisedAddress" },
        { "pod name", "base/silo-deployment.yaml", "fieldPath: metadata.name", "fieldPath: metadata.uid", "[downward-api] silo POD_NAME" },
        { "health port", "base/configmap.yaml", "health-port: \"8081\"", "health-port: \"8082\"", "[ports] silo containerPort 'health'" },
        { "gateway port", "base/silo-deployment.yaml", "containerPort: 30000", "containerPort: 30001", "[ports] silo containerPort 'gateway'" },
        { "api port", "base/api-deployment.yaml", "value: http://+:8080", "value: http://+:5000", "[ports] api containerPort" },
        { "probe path", "base/silo-deployment.yaml", "path: /health/ready", "path: /healthz", "[probes] silo readiness" },
        { "probe port", "base/api-deployment.yaml", "path: /health/live\n              port: http", "path: /health/live\n              port: 8080", "[probes] api startup" },
        { "role verbs", "base/silo-rbac.yaml", "verbs: [\"get\", \"list\", \"watch\", \"patch\"]", "verbs: [\"get\", \"list\", \"watch\"]", "[rbac] no Role" },
        { "role binding", "base/silo-rbac.yaml", "  - kind: ServiceAccount\n    name: labsandbox-silo", "  - kind: ServiceAccount\n    name: default", "[rbac] no RoleBinding" },
        { "service account", "base/silo-deployment.yaml", "serviceAccountName: labsandbox-silo", "serviceAccountName: default", "[rbac] the silo pods must run as" },
        { "grace", "base/silo-deployment.yaml", "terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 45", "[grace] labsandbox-silo" },
        { "shutdown timeout", "base/configmap.yaml", "shutdown-timeout-seconds: \"45\"", "shutdown-timeout-seconds: \"90\"", "[grace] labsandbox-api" },
        { "secret key", "base/migrate-job.yaml", "key: connection-string", "key: connection_string", "[references] Job labsandbox-migrate/migrate" },
        { "configmap key", "base/api-deployment.yaml", "key: artifact-store", "key: artifacts", "[references] Deployment labsandbox-api/api" },
        { "migrate", "base/migrate-job.yaml", "args: [\"migrate\"]", "args: [\"backtest\"]", "[migrate]" },
        { "migrate image", "base/migrate-job.yaml", "image: labsandbox/silo", "image: labsandbox/api", "[migrate]" },
        { "auth", "base/api-deployment.yaml", "value: required", "value: loopback-open", "[auth]" },
        { "rollout", "base/silo-deployment.yaml", "maxUnavailable: 0", "maxUnavailable: 1", "[rollout]" },
        { "read-only root", "base/silo-deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "[security] Deployment labsandbox-silo/silo" },
        { "tmp", "overlays/dev/postgres.yaml", "              mountPath: /tmp", "              mountPath: /scratch", "no writable emptyDir on /tmp" },
        { "resources", "base/migrate-job.yaml", "            limits:\n              cpu: 500m\n              memory: 256Mi\n", "", "[resources] Job labsandbox-migrate" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Negative_control_a_broken_copy_of_dev_violates_the_check(string check, string file, string find, string replacement, string expected)
    {
        using var copy = new OverlayCopy().Replace(file, find, replacement);
        var violations = ManifestInvariants.Check(await Kustomize.RenderObjectsAsync(copy.Overlay("dev")), Overlays.ExternalSecrets("dev"));
        output.WriteLine($"{check}:\n{string.Join("\n", violations)}");
        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negative_control_prod_referencing_an_undocumented_secret_key_violates_the_references_check()
    {
        using var copy = new OverlayCopy().Replace("base/api-deployment.yaml", "key: connection-string", "key: password");
        var violations = ManifestInvariants.Check(await Kustomize.RenderObjectsAsync(copy.Overlay("prod")), Overlays.ExternalSecrets("prod"));
        output.WriteLine(string.Join("\n", violations));
        Assert.Contains(violations, v => v.Contains("Secret labsandbox-db key password is neither in the overlay nor a documented external Secret"));
    }
}
