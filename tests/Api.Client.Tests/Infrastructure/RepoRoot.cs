namespace LabSandbox.Api.Client.Tests.Infrastructure;

public static class RepoRoot
{
    /// <summary>The nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string Path { get; } = Find();

    public static string OpenApiDocument => System.IO.Path.Combine(Path, "docs", "api", "openapi-v1.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LabSandbox.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LabSandbox.sln not found above " + AppContext.BaseDirectory);
    }
}
