using System.Security.Claims;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Api.Tests.Audit;

/// <summary>
/// Test scaffolding only, standing in for the product's API-key authentication: a request's <c>X-Test-Actor</c> header
/// becomes its principal (<see cref="ClaimTypes.Name"/>) and its <see cref="LabActor"/>, as the key's name will. It sits
/// in front of the whole pipeline, so a test can script a session of two actors over HTTP.
/// </summary>
public sealed class TestActorHeader : IStartupFilter
{
    public const string Header = "X-Test-Actor";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestActorHeader>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, rest) =>
        {
            if (context.Request.Headers[Header].ToString() is not { Length: > 0 } actor)
            {
                await rest(context);
                return;
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor)], authenticationType: "Test"));
            using (LabActor.Use(actor))
            {
                await rest(context);
            }
        });
        next(app);
    };
}
