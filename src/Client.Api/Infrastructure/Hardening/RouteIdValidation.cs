using Microsoft.AspNetCore.Http.Metadata;

namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// An endpoint convention for the API's routes: every route value (<c>runId</c>, <c>artifactId</c>, <c>digest</c>, …)
/// must fit <see cref="RouteIdGrammar"/>, or the request is a 400 naming the parameter, before the handler (and so
/// any grain) runs. Documented as the 400 of endpoints with route parameters that do not document one already.
/// </summary>
public static class RouteIdValidation
{
    /// <summary>Adds the check (the filter) and its documented 400 to <paramref name="api"/>'s endpoints.</summary>
    public static TBuilder ValidateRouteIds<TBuilder>(this TBuilder api) where TBuilder : IEndpointConventionBuilder
    {
        // Filters must be added by a regular convention (the request delegate is built before "finally" conventions run);
        // the 400 is documented in a finally convention, once the endpoint's own metadata is all there.
        api.Add(AddFilter);
        api.Finally(Document);
        return api;
    }

    private static void AddFilter(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder { RoutePattern.Parameters: { Count: > 0 } parameters })
        {
            return;
        }

        var names = parameters.Select(p => p.Name).ToArray();
        endpoint.FilterFactories.Add((_, next) => invocation =>
        {
            var values = invocation.HttpContext.Request.RouteValues;
            foreach (var name in names)
            {
                if (values.TryGetValue(name, out var value) && !RouteIdGrammar.IsValid(value as string))
                {
                    return ValueTask.FromResult<object?>(ApiProblems.Invalid(name, $"'{name}' must be {RouteIdGrammar.Description}."));
                }
            }

            return next(invocation);
        });
    }

    private static void Document(EndpointBuilder endpoint)
    {
        if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 }
            && !endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status400BadRequest))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        }
    }
}
