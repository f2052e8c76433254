namespace LabSandbox.Api.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string Root => LabSandbox.TestSupport.BuiltBinaries.RepositoryRoot;

    public static string SiloDll => LabSandbox.TestSupport.BuiltBinaries.SiloDll;

    public static string Golden(int year) =>
        Path.Combine(AppContext.BaseDirectory, "data", "real", "derived", $"{year}_analytic_predictions_sigma10.json");
}
