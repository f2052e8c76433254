using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>Documents what a protected endpoint may answer before its handler runs: 401, 403 and 429 problem details.</summary>
public static class AuthResponses
{
    private static readonly int[] Statuses =
        [StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests];

    /// <summary>Whether the endpoint needs an authenticated principal (it has a policy and is not marked anonymous).</summary>
    public static bool IsProtected(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>An endpoint convention (applied last): adds the problem responses to protected endpoints.</summary>
    public static void Document(EndpointBuilder endpoint)
    {
        if (!IsProtected(endpoint.Metadata))
        {
            return;
        }

        foreach (var status in Statuses.Where(s => !endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == s)))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
