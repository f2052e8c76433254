namespace LabSandbox.TestSupport;

/// <summary>Where the built silo host lies: tests start it as a real process, as an operator or a pod does.</summary>
public static class SiloBinary
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Dll => Path.Combine(RepositoryRoot, "src", "Silo", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "LabSandbox.Silo.dll");

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
