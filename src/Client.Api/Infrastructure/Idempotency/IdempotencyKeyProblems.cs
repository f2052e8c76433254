using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace LabSandbox.Api.Infrastructure.Idempotency;

/// <summary>Documents what <see cref="IdempotencyKeyMiddleware"/> may answer on a POST under <c>/api/v1</c>: 400, 409, 422.</summary>
public static class IdempotencyKeyProblems
{
    private static readonly int[] Statuses =
        [StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity];

    /// <summary>An endpoint convention: adds the problem responses to POST endpoints that do not document them already.</summary>
    public static void Document(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route }
            || !route.StartsWith("/api/v1", StringComparison.Ordinal)
            || endpoint.Metadata.OfType<HttpMethodMetadata>().All(m => !m.HttpMethods.Contains(HttpMethods.Post)))
        {
            return;
        }

        foreach (var status in Statuses.Where(s => !endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == s)))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
