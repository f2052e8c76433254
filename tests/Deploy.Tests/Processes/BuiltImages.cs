using LabSandbox.Deploy.Tests.Infrastructure;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// What each image of the manifests runs: deploy/docker's Dockerfiles publish one project each and start its
/// assembly with <c>dotnet</c>; here the same assembly comes from this checkout's build.
/// </summary>
public static class BuiltImages
{
    private static readonly Dictionary<string, string[]> EntryPoints = new(StringComparer.Ordinal)
    {
        ["labsandbox/silo"] = ["src", "Silo", "bin", "Debug", "net10.0", "LabSandbox.Silo.dll"],
        ["labsandbox/api"] = ["src", "Client.Api", "bin", "Debug", "net10.0", "LabSandbox.Api.dll"],
    };

    public static string SiloDll => EntryPointOf("labsandbox/silo");

    public static string EntryPointOf(string image)
    {
        var repository = image.Split('@')[0];
        var colon = repository.LastIndexOf(':');
        if (colon > repository.LastIndexOf('/'))
        {
            repository = repository[..colon];
        }

        if (!EntryPoints.TryGetValue(repository, out var parts))
        {
            throw new InvalidOperationException($"Image '{image}' is not one this repository builds.");
        }

        var path = Path.Combine([DeployPaths.RepositoryRoot, .. parts]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
    }
}
