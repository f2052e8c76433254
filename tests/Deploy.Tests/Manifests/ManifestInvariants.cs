using k8s;
using k8s.Models;
using LabSandbox.Deploy.Tests.Infrastructure;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// The invariants a rendered overlay must keep for the silos and the API to work in a cluster, as violation
/// lines tagged by check ("[ids] ..."); an empty list means the overlay holds them all. Object-level checks
/// (selectors, references, security) are in <see cref="ObjectInvariants"/>.
/// </summary>
public static class ManifestInvariants
{
    public static IReadOnlyList<string> Check(RenderedManifests m, IReadOnlySet<(string Name, string Key)> externalSecrets)
    {
        var violations = new List<string>();
        ObjectInvariants.Check(m, externalSecrets, violations);

        var silo = m.Find<V1Deployment>(AgreedNames.Silo);
        var api = m.Find<V1Deployment>(AgreedNames.Api);
        if (silo is null || api is null)
        {
            violations.Add($"[objects] the Deployments {AgreedNames.Silo} and {AgreedNames.Api} must be rendered");
            return violations;
        }

        var siloContainer = silo.Spec.Template.Spec.Containers.SingleOrDefault(c => c.Name == AgreedNames.SiloContainer);
        var apiContainer = api.Spec.Template.Spec.Containers.SingleOrDefault(c => c.Name == AgreedNames.ApiContainer);
        if (siloContainer is null || apiContainer is null)
        {
            violations.Add("[objects] the silo and api containers must be rendered");
            return violations;
        }

        // Unresolvable references are reported by ObjectInvariants; here they only must not stop the other checks.
        var siloEnv = ContainerEnvironment.Resolve(m, siloContainer, path => $"<fieldRef {path}>", (n, k) => $"<missing {n}/{k}>");
        var apiEnv = ContainerEnvironment.Resolve(m, apiContainer, path => $"<fieldRef {path}>", (n, k) => $"<missing {n}/{k}>");

        CheckIds(silo, siloEnv, apiEnv, violations);
        CheckDownwardApi(siloContainer, violations);
        CheckPorts(siloContainer, siloEnv, apiContainer, apiEnv, violations);
        CheckProbes(siloContainer, "health", violations);
        CheckProbes(apiContainer, "http", violations);
        CheckRbac(m, silo, violations);
        CheckGrace(silo, siloEnv, violations);
        CheckGrace(api, apiEnv, violations);
        CheckMigrateJob(m, siloContainer, violations);
        CheckApiMode(apiEnv, violations);
        CheckRollingUpdate(silo, violations);
        return violations;
    }

    private static void CheckIds(V1Deployment silo, IReadOnlyDictionary<string, string> siloEnv,
        IReadOnlyDictionary<string, string> apiEnv, List<string> violations)
    {
        IReadOnlyDictionary<string, string> labels = new Dictionary<string, string>(silo.Spec.Template.Metadata?.Labels ?? new Dictionary<string, string>());
        Agree("service id", AgreedNames.ServiceId, violations,
            ("pod label orleans/serviceId", labels.GetValueOrDefault("orleans/serviceId")),
            ("silo ORLEANS_SERVICE_ID", siloEnv.GetValueOrDefault("ORLEANS_SERVICE_ID")),
            ("silo LabSandbox__ServiceId", siloEnv.GetValueOrDefault("LabSandbox__ServiceId")),
            ("api LabSandbox__ServiceId", apiEnv.GetValueOrDefault("LabSandbox__ServiceId")));
        Agree("cluster id", AgreedNames.ClusterId, violations,
            ("pod label orleans/clusterId", labels.GetValueOrDefault("orleans/clusterId")),
            ("silo ORLEANS_CLUSTER_ID", siloEnv.GetValueOrDefault("ORLEANS_CLUSTER_ID")),
            ("silo LabSandbox__ClusterId", siloEnv.GetValueOrDefault("LabSandbox__ClusterId")),
            ("api LabSandbox__ClusterId", apiEnv.GetValueOrDefault("LabSandbox__ClusterId")));
    }

    private static void Agree(string what, string expected, List<string> violations, params (string Where, string? Value)[] values)
    {
        if (values.Any(v => v.Value != expected))
        {
            violations.Add($"[ids] the {what} must be '{expected}' everywhere: " +
                string.Join(", ", values.Select(v => $"{v.Where}={v.Value ?? "(unset)"}")));
        }
    }

    private static void CheckDownwardApi(V1Container silo, List<string> violations)
    {
        foreach (var (name, path) in new[]
                 {
                     ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"),
                     ("POD_IP", "status.podIP"), ("LabSandbox__AdvertisedAddress", "status.podIP"),
                 })
        {
            var actual = silo.Env?.SingleOrDefault(e => e.Name == name)?.ValueFrom?.FieldRef?.FieldPath;
            if (actual != path)
            {
                violations.Add($"[downward-api] silo {name} must come from fieldRef {path}, not {actual ?? "(none)"}");
            }
        }
    }

    private static void CheckPorts(V1Container silo, IReadOnlyDictionary<string, string> siloEnv,
        V1Container api, IReadOnlyDictionary<string, string> apiEnv, List<string> violations)
    {
        foreach (var (port, setting) in new[] { ("silo", "LabSandbox__SiloPort"), ("gateway", "LabSandbox__GatewayPort"), ("health", "LabSandbox__HealthPort") })
        {
            var declared = silo.Ports?.SingleOrDefault(p => p.Name == port)?.ContainerPort;
            var configured = siloEnv.GetValueOrDefault(setting);
            if (declared is null || declared.ToString() != configured)
            {
                violations.Add($"[ports] silo containerPort '{port}' ({declared?.ToString() ?? "missing"}) must equal {setting} ({configured ?? "unset"})");
            }
        }

        var urls = apiEnv.GetValueOrDefault("ASPNETCORE_URLS") ?? "";
        var apiPort = api.Ports?.SingleOrDefault(p => p.Name == "http")?.ContainerPort;
        if (apiPort is null || !urls.Split(';').Any(u => u.TrimEnd('/').EndsWith(":" + apiPort, StringComparison.Ordinal)))
        {
            violations.Add($"[ports] api containerPort 'http' ({apiPort?.ToString() ?? "missing"}) must be the port of ASPNETCORE_URLS ({urls})");
        }
    }

    private static void CheckProbes(V1Container container, string portName, List<string> violations)
    {
        var probes = new (string Kind, V1Probe? Probe, string[] Paths)[]
        {
            ("liveness", container.LivenessProbe, ["/health/live"]),
            ("readiness", container.ReadinessProbe, ["/health/ready"]),
            ("startup", container.StartupProbe, ["/health/live", "/health/ready"]),
        };
        foreach (var (kind, probe, paths) in probes)
        {
            if (probe is null)
            {
                if (kind != "startup")
                {
                    violations.Add($"[probes] {container.Name} has no {kind} probe");
                }

                continue;
            }

            var get = probe.HttpGet;
            var port = get?.Port.Value;
            if (get is null || !paths.Contains(get.Path))
            {
                violations.Add($"[probes] {container.Name} {kind} probe must GET {string.Join(" or ", paths)}, not {get?.Path ?? "(no httpGet)"}");
            }
            else if (port != portName || container.Ports?.Any(p => p.Name == port) != true)
            {
                violations.Add($"[probes] {container.Name} {kind} probe must use the named port '{portName}' the container declares, not '{port}'");
            }
        }
    }

    private static void CheckRbac(RenderedManifests m, V1Deployment silo, List<string> violations)
    {
        var account = silo.Spec.Template.Spec.ServiceAccountName;
        var ns = silo.Metadata.NamespaceProperty;
        if (account != AgreedNames.Silo || m.Find<V1ServiceAccount>(AgreedNames.Silo) is null)
        {
            violations.Add($"[rbac] the silo pods must run as the rendered ServiceAccount {AgreedNames.Silo}, not {account ?? "default"}");
        }

        if (silo.Spec.Template.Spec.AutomountServiceAccountToken == false)
        {
            violations.Add("[rbac] the silo pods need their ServiceAccount token (Kubernetes hosting calls the API server)");
        }

        string[] needed = ["get", "list", "watch", "patch"];
        var grantingRoles = m.All<V1Role>()
            .Where(r => r.Metadata.NamespaceProperty == ns && (r.Rules ?? []).Any(rule =>
                (rule.ApiGroups ?? []).Contains("") && (rule.Resources ?? []).Contains("pods") &&
                needed.All(v => (rule.Verbs ?? []).Contains(v) || (rule.Verbs ?? []).Contains("*"))))
            .Select(r => r.Metadata.Name)
            .ToHashSet();
        if (grantingRoles.Count == 0)
        {
            violations.Add($"[rbac] no Role in {ns} grants {string.Join(",", needed)} on pods");
        }

        var bound = m.All<V1RoleBinding>().Any(b =>
            b.Metadata.NamespaceProperty == ns && b.RoleRef.Kind == "Role" && grantingRoles.Contains(b.RoleRef.Name) &&
            (b.Subjects ?? []).Any(s => s.Kind == "ServiceAccount" && s.Name == account && (s.NamespaceProperty ?? ns) == ns));
        if (!bound)
        {
            violations.Add($"[rbac] no RoleBinding binds a Role granting pods {string.Join(",", needed)} to ServiceAccount {account}");
        }
    }

    private static void CheckGrace(V1Deployment deployment, IReadOnlyDictionary<string, string> env, List<string> violations)
    {
        // Both defaults are Kubernetes' and the host's: 30 s.
        var grace = deployment.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30;
        var shutdown = int.TryParse(env.GetValueOrDefault("LabSandbox__ShutdownTimeoutSeconds"), out var s) ? s : 30;
        if (grace <= shutdown)
        {
            violations.Add($"[grace] {deployment.Metadata.Name}: terminationGracePeriodSeconds ({grace}) must exceed LabSandbox__ShutdownTimeoutSeconds ({shutdown})");
        }
    }

    private static void CheckMigrateJob(RenderedManifests m, V1Container silo, List<string> violations)
    {
        var job = m.Find<V1Job>(AgreedNames.MigrateJob);
        var container = job?.Spec.Template.Spec.Containers.SingleOrDefault();
        var line = container is null ? [] : (container.Command ?? []).Concat(container.Args ?? []).ToList();
        if (container is null || line.FirstOrDefault() != "migrate" || Repository(container.Image) != Repository(silo.Image))
        {
            violations.Add($"[migrate] the Job {AgreedNames.MigrateJob} must run the silo image ({silo.Image}) with 'migrate', not " +
                (container is null ? "(no single container)" : $"{container.Image} [{string.Join(' ', line)}]"));
        }
    }

    private static string Repository(string? image) => image?.Split('@')[0] is { } i && i.LastIndexOf(':') > i.LastIndexOf('/') ? i[..i.LastIndexOf(':')] : image ?? "";

    private static void CheckApiMode(IReadOnlyDictionary<string, string> apiEnv, List<string> violations)
    {
        if (apiEnv.GetValueOrDefault("LabSandbox__Auth__Mode") != "required")
        {
            violations.Add($"[auth] the API's LabSandbox__Auth__Mode must be 'required', not {apiEnv.GetValueOrDefault("LabSandbox__Auth__Mode") ?? "(unset)"}");
        }

        if (apiEnv.GetValueOrDefault("LabSandbox__Mode") != "client")
        {
            violations.Add("[auth] the API must run as a client of the silos (LabSandbox__Mode=client)");
        }
    }

    private static void CheckRollingUpdate(V1Deployment silo, List<string> violations)
    {
        var rolling = silo.Spec.Strategy?.RollingUpdate;
        if (silo.Spec.Strategy?.Type != "RollingUpdate" || rolling?.MaxUnavailable?.Value != "0")
        {
            violations.Add($"[rollout] the silo Deployment must roll with maxUnavailable 0, not {rolling?.MaxUnavailable?.Value ?? "(default 25%)"}");
        }
    }
}
