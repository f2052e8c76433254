using k8s.Models;
using LabSandbox.TestSupport;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// Moves a container's ports to free loopback ports so several "pods" share one machine: every environment value
/// that is one of the container's ports (or an ASP.NET Core URL on it) gets the new port, and probes follow.
/// </summary>
public sealed class ContainerPorts
{
    private readonly Dictionary<int, int> _moved = [];
    private readonly V1Container _container;

    private ContainerPorts(V1Container container) => _container = container;

    public static ContainerPorts Move(V1Container container, Dictionary<string, string> environment)
    {
        var ports = new ContainerPorts(container);
        foreach (var port in container.Ports ?? [])
        {
            ports._moved[port.ContainerPort] = FreePorts.Next();
        }

        foreach (var (key, value) in environment.ToList())
        {
            foreach (var (from, to) in ports._moved)
            {
                if (value == from.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    environment[key] = to.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (key is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" && value.EndsWith($":{from}", StringComparison.Ordinal))
                {
                    environment[key] = $"http://127.0.0.1:{to}";
                }
            }
        }

        return ports;
    }

    /// <summary>The loopback URL a probe of the container reaches (its path, its port by name or number).</summary>
    public Uri ProbeUrl(V1Probe? probe)
    {
        var get = probe?.HttpGet ?? throw new InvalidOperationException($"container '{_container.Name}' has no HTTP probe");
        var port = get.Port.Value;
        var containerPort = int.TryParse(port, out var number)
            ? number
            : (_container.Ports ?? []).Single(p => p.Name == port).ContainerPort;
        return new Uri($"http://127.0.0.1:{_moved[containerPort]}{get.Path}");
    }

    public int HostPort(int containerPort) => _moved[containerPort];
}
