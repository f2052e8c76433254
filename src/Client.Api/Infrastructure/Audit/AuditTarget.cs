using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure.Audit;

/// <summary>
/// The target id of an audited write, by one rule (docs/security.md#audit-trail): the id an endpoint names for what it
/// created (<see cref="WithAuditTarget{T}"/>: creates answering 200 without a Location); else the route's parameter
/// values in template order, joined by <c>/</c> (<c>run-…</c>, <c>syn-1/my-entry</c>); else the last segment of the
/// Location header (creates answering 201/202: the run or experiment made); else none.
/// </summary>
public static class AuditTarget
{
    private static readonly object ItemKey = new();

    /// <summary>Names the created resource from the endpoint's answer, when it has no route id and no Location.</summary>
    public static RouteHandlerBuilder WithAuditTarget<T>(this RouteHandlerBuilder builder, Func<T, string> idOf) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is IValueHttpResult<T> { Value: { } value })
            {
                context.HttpContext.Items[ItemKey] = idOf(value);
            }

            return result;
        });

    public static string? Of(HttpContext context, RouteEndpoint endpoint)
    {
        if (context.Items.TryGetValue(ItemKey, out var named) && named is string id)
        {
            return id;
        }

        var values = endpoint.RoutePattern.Parameters
            .Select(p => context.Request.RouteValues.TryGetValue(p.Name, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null)
            .Where(v => !string.IsNullOrEmpty(v))
            .ToList();
        if (values.Count > 0)
        {
            return string.Join('/', values);
        }

        var location = context.Response.Headers.Location.ToString();
        if (location.Length == 0)
        {
            return null;
        }

        var path = location.Split('?', '#')[0].TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        return last.Length > 0 ? Uri.UnescapeDataString(last) : null;
    }
}
