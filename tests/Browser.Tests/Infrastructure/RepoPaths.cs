namespace LabSandbox.Browser.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string ApiDll => Path.Combine(Root, "src", "Client.Api", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "LabSandbox.Api.dll");

    /// <summary>The silo host, whose commands (<c>keys create</c>) the security tests run against a lab.</summary>
    public static string SiloDll => Path.Combine(Root, "src", "Silo", "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "LabSandbox.Silo.dll");

    /// <summary>Every page's screenshot, as test output (the test command clears <c>TestResults</c> first).</summary>
    public static string ScreenshotOutput => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>The README's screenshots, rewritten only when <c>LABSANDBOX_WRITE_SCREENSHOTS=1</c>.</summary>
    public static string DocsScreenshots => Path.Combine(Root, "docs", "screenshots");

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
