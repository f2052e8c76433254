using LabSandbox.TestSupport;

namespace LabSandbox.Deploy.Tests.Processes;

/// <summary>
/// What each image of the manifests runs: deploy/docker's Dockerfiles publish one project each and start its
/// assembly with <c>dotnet</c>; here the same assembly comes from this checkout's build.
/// </summary>
public static class BuiltImages
{
    private static readonly Dictionary<string, Func<string>> EntryPoints = new(StringComparer.Ordinal)
    {
        ["labsandbox/silo"] = () => BuiltBinaries.SiloDll,
        ["labsandbox/api"] = () => BuiltBinaries.ApiDll,
    };

    public static string EntryPointOf(string image)
    {
        var repository = image.Split('@')[0];
        var colon = repository.LastIndexOf(':');
        if (colon > repository.LastIndexOf('/'))
        {
            repository = repository[..colon];
        }

        if (!EntryPoints.TryGetValue(repository, out var entryPoint))
        {
            throw new InvalidOperationException($"Image '{image}' is not one this repository builds.");
        }

        var path = entryPoint();
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
    }
}
