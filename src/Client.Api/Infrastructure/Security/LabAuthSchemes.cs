namespace LabSandbox.Api.Infrastructure.Security;

// STAND-IN (wp-ui): the agreed scheme names, so the UI compiles before helper A's branch is merged.
// Lead: keep helper A's LabAuthSchemes and drop this file at merge.

/// <summary>The authentication schemes (agreed names).</summary>
public static class LabAuthSchemes
{
    public const string ApiKey = "ApiKey";

    public const string Cookie = "LabSandbox.Session";

    public const string Default = "LabSandbox.Default";
}
