using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Api.Infrastructure.StandIns;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace LabSandbox.Api.Components;

/// <summary>The web UI: a Blazor Web App served at <c>/</c> beside <c>/api/v1</c>, its pages calling the same grain contracts as the API.</summary>
public static class LabUi
{
    public static WebApplicationBuilder AddLabSandboxUi(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's CSS and JS) are served from the build output too, not only when published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();

        // Pages read the signed-in user (name, role) from the cascading authentication state; every grain call of a
        // circuit carries that user as its actor.
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitActorHandler>());

        // STAND-IN (wp-ui) — lead: remove this line at merge; helper A's authentication registration replaces it.
        builder.Services.AddStandInLabAuthentication(builder.Configuration);
        return builder;
    }

    public static WebApplication MapLabSandboxUi(this WebApplication app)
    {
        // An unknown page address shows the UI's not-found page (the API's paths keep their problem details).
        app.UseWhen(context => !ApiEndpoints.IsApiRequest(context), ui => ui.UseStatusCodePagesWithReExecute("/not-found"));
        // Routing runs after the re-execute so the not-found page is routed like any other page.
        app.UseRouting();

        // After routing (authorization reads the endpoint's policy) and before antiforgery, as ASP.NET Core requires.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapSessionEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
