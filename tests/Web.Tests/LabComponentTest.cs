using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Web.Tests.Security;
using Xunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LabSandbox.Web.Tests;

/// <summary>
/// A bUnit context with MudBlazor's services; MudBlazor's own JavaScript calls are answered loosely (they only
/// measure and focus), while a test can still set up and verify the calls that matter, such as downloads.
/// The user is local mode's ("local", an admin) unless a test signs in as another key with <see cref="SignInAs"/>;
/// UI changes are audited into <see cref="AuditTrail"/>.
/// Disposed asynchronously (<see cref="IAsyncLifetime"/>): several MudBlazor services are only IAsyncDisposable.
/// </summary>
public abstract class LabComponentTest : BunitContext, IAsyncLifetime
{
    protected LabComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAuditTrail>(AuditTrail);
        Authorization = AddAuthorization();
        Authorization.SetAuthorized(LabActor.Local);
        Authorization.SetRoles(LabPolicies.Admin);
    }

    protected BunitAuthorizationContext Authorization { get; }

    protected RecordingAuditTrail AuditTrail { get; } = new();

    /// <summary>A session signed in with a key: its name, role and the key's hash claim.</summary>
    protected void SignInAs(string name, string role)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(role);
        Authorization.SetClaims(new Claim(LabUser.KeyClaim, new string('a', 64)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
