namespace LabSandbox.TestSupport;

/// <summary>
/// Where this checkout and its built hosts lie: tests start the silo and the API as real processes, as an operator
/// or a pod does.
/// </summary>
public static class BuiltBinaries
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SiloDll => Built("Silo", "LabSandbox.Silo.dll");

    public static string ApiDll => Built("Client.Api", "LabSandbox.Api.dll");

    private static string Built(string project, string assembly) => Path.Combine(RepositoryRoot, "src", project, "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", assembly);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LabSandbox.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LabSandbox.sln not found above " + AppContext.BaseDirectory);
    }
}
