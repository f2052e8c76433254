namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// The hardened surface: security headers, the request-body cap, CORS (off unless configured) and the handler
/// that answers unreadable requests with problem details. Route-id checks are the API group's
/// <see cref="RouteIdValidation"/> convention; the JSON body rules (UTF-8, depth, surrogates) live in <c>JsonBody</c>.
/// </summary>
public static class HardeningExtensions
{
    public const string CorsPolicy = "LabSandbox.Api.Cors";

    public static WebApplicationBuilder AddLabHardening(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(HardeningOptions.Section);
        var options = section.Get<HardeningOptions>() ?? new HardeningOptions();
        if (options.MaxRequestBodyBytes < 1)
        {
            throw new InvalidOperationException($"{HardeningOptions.Section}:MaxRequestBodyBytes must be at least 1 (got {options.MaxRequestBodyBytes}).");
        }

        builder.Services.Configure<HardeningOptions>(section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddExceptionHandler<ClientInputExceptionHandler>();
        if (CorsOrigins.Of(options) is { Length: > 0 } origins)
        {
            builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(origins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
                .WithHeaders("Authorization", "X-Api-Key", "Content-Type", "Idempotency-Key", "Last-Event-ID")
                .WithExposedHeaders("Location", "Retry-After", "Idempotent-Replayed")));
        }

        return builder;
    }

    /// <summary>
    /// First in the pipeline, before the exception handler: the headers' callback must be registered before anything
    /// can answer, CORS must answer a preflight before authentication asks it for a key, and the body cap must wrap
    /// the body before anything (the idempotency key's hash, a handler) reads it.
    /// </summary>
    public static WebApplication UseLabHardening(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (CorsOrigins.Of(app.Configuration.GetSection(HardeningOptions.Section).Get<HardeningOptions>() ?? new HardeningOptions()).Length > 0)
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseCors(CorsPolicy));
        }

        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
