namespace LabSandbox.Api.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SiloDll => LabSandbox.TestSupport.SiloBinary.Dll;

    public static string Golden(int year) =>
        Path.Combine(AppContext.BaseDirectory, "data", "real", "derived", $"{year}_analytic_predictions_sigma10.json");

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
