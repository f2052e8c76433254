using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Names the actor of every grain call the UI's circuit makes. A click is not an HTTP request, so the API's
/// per-request actor does not reach it: each inbound circuit activity (an event, a JS interop call, a navigation)
/// runs inside <see cref="LabActor.Use"/> with the circuit's user, and the grains record that name.
/// </summary>
public sealed class CircuitActorHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
            {
                await next(context);
                return;
            }

            using (LabActor.Use(name))
            {
                await next(context);
            }
        };
}
