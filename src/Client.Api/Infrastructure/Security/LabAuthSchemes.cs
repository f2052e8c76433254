namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The authentication schemes. <see cref="Default"/> is what every request is authenticated with: a policy scheme that
/// forwards to <see cref="ApiKey"/> when the request carries a key header (or, in local mode, no session cookie), and
/// to <see cref="Cookie"/> otherwise (the web UI's sign-in session).
/// </summary>
public static class LabAuthSchemes
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>, checked against the key registry on every request.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The web UI's session cookie (issued by the sign-in page), re-checked against the key registry on every request.</summary>
    public const string Cookie = "LabSandbox.Session";

    /// <summary>The forwarding policy scheme that chooses between <see cref="ApiKey"/> and <see cref="Cookie"/>.</summary>
    public const string Default = "LabSandbox";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = ".LabSandbox.Session";

    /// <summary>The claim holding the key's SHA-256 (never the key) in a session, so each request can re-check it.</summary>
    public const string KeyHashClaim = "labsandbox:key";

    /// <summary>The realm of the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Realm = "labsandbox";
}
