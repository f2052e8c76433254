namespace LabSandbox.Browser.Tests.Infrastructure;

/// <summary>The web UI's session cookie as the browser sees it (the product's <c>LabAuthSchemes.CookieName</c>).</summary>
public static class LabSession
{
    public const string CookieName = ".LabSandbox.Session";
}
