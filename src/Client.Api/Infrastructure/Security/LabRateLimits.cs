using System.Globalization;
using System.Threading.RateLimiting;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Per-key limits on the API (ASP.NET Core's rate limiter, after authentication so the partition is the key's name):
/// a token bucket for every API request, and a cap on the live event streams a key holds open. Local mode's principal
/// and anonymous requests (the open routes) are not limited; the web UI's pages are not either (one page load fetches
/// many assets). A refused request is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class LabRateLimits
{
    public static IServiceCollection AddLabRateLimits(this IServiceCollection services, LabRateLimitSettings settings)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.Burst),
            TokensPerPeriod = Math.Max(1, settings.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        };
        var streams = new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, settings.EventStreams), QueueLimit = 0 };
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    KeyOf(context) is { } key && ApiEndpoints.IsApiRequest(context)
                        ? RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket)
                        : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    KeyOf(context) is { } key && EventStreams.Wanted(context.Request)
                        ? RateLimitPartition.GetConcurrencyLimiter(key, _ => streams)
                        : RateLimitPartition.GetNoLimiter(string.Empty)));
            options.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected, settings));
        });
    }

    /// <summary>The key's name; null for local mode's principal and for anonymous requests.</summary>
    private static string? KeyOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } && name != LabActor.Local ? name : null;

    private static Task RejectAsync(OnRejectedContext rejected, LabRateLimitSettings settings)
    {
        var context = rejected.HttpContext;
        var name = KeyOf(context);
        string detail;
        int seconds;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            detail = $"The key '{name}' is over its rate ({settings.PermitsPerSecond} requests a second, bursts of {settings.Burst}); retry after {seconds} s.";
        }
        else
        {
            // A stream slot frees when one of the key's streams ends: there is no time to predict, so a short wait.
            seconds = 1;
            detail = $"The key '{name}' already holds {settings.EventStreams} live event streams open (the most allowed); close one, or read the log as JSON pages.";
        }

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail)
            .ExecuteAsync(context);
    }
}
