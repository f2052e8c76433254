using LabSandbox.Api.Infrastructure.Security;
using Orleans.Dashboard;

namespace LabSandbox.Api.Features.Operator;

/// <summary>The Orleans dashboard (grains, silos, reminders, method profiles) for admins, beside the UI's operator page.</summary>
public static class OperatorDashboard
{
    /// <summary>Where the dashboard's page and its data endpoints live; the UI's nav links here.</summary>
    public const string Path = "/operator/dashboard";

    /// <summary>The dashboard's page: with the slash, as its relative script and style links need (without it, a redirect).</summary>
    public const string Href = Path + "/";

    /// <summary>
    /// Every endpoint of the dashboard needs the admin role: it names grain types, silo addresses and call rates. A reader
    /// with a session is refused (the UI's access-denied page); someone not signed in is sent to sign in.
    /// </summary>
    public static WebApplication MapOperatorDashboard(this WebApplication app)
    {
        // Not part of the API's contract (its routes and bodies are the package's): kept out of the OpenAPI document.
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(LabPolicies.Admin).ExcludeFromDescription();
        return app;
    }
}
