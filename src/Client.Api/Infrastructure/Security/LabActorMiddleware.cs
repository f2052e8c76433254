using LabSandbox.Grains.Interfaces.Security;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Names the authenticated principal as the actor (<see cref="LabActor"/>) of every grain call the rest of the request
/// makes, so the grains that accept a change can record who made it. Anonymous requests (the open routes) keep the
/// default, <see cref="LabActor.System"/>.
/// </summary>
public static class LabActorMiddleware
{
    public static IApplicationBuilder UseLabActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
            {
                using (LabActor.Use(name))
                {
                    await next(context);
                }
            }
            else
            {
                await next(context);
            }
        });
}
