using LabSandbox.Api.Features.Operator;
using LabSandbox.Api.Infrastructure;
using LabSandbox.Api.Infrastructure.Security;
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
        return builder;
    }

    /// <summary>The UI's endpoints (its middleware — the not-found re-execute, antiforgery — is <see cref="LabPipeline.UseLabSandboxPipeline"/>'s).</summary>
    public static WebApplication MapLabSandboxUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapSessionEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOperatorDashboard();
        return app;
    }
}
