using LabSandbox.TestSupport;

namespace LabSandbox.Browser.Tests.Infrastructure;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds LabSandbox.sln.</summary>
    public static string Root => BuiltBinaries.RepositoryRoot;

    public static string ApiDll => BuiltBinaries.ApiDll;

    /// <summary>The silo host, whose commands (<c>keys create</c>) the security tests run against a lab.</summary>
    public static string SiloDll => BuiltBinaries.SiloDll;

    /// <summary>Every page's screenshot, as test output (the test command clears <c>TestResults</c> first).</summary>
    public static string ScreenshotOutput => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>The README's screenshots, rewritten only when <c>LABSANDBOX_WRITE_SCREENSHOTS=1</c>.</summary>
    public static string DocsScreenshots => Path.Combine(Root, "docs", "screenshots");
}
