using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>The document's info and server (the API's default URL): fixed values, so the served document is the same on every host.</summary>
public sealed class LabDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "LabSandbox API",
            Version = "v1",
            Description = "A reproducible evaluation lab for Calcutta auction pools: datasets, durable runs and their artifacts, "
                + "the Lab's candidates, the Sandbox's synthetic calcuttas and cohorts, and experiments. JSON in camelCase; "
                + "errors are RFC 7807 problem details (400 names each bad field); every POST under /api/v1 accepts an "
                + "Idempotency-Key; 503 means the cluster is momentarily unavailable (retry).",
        };
        document.Servers = [new OpenApiServer { Url = ApiServiceCollectionExtensions.DefaultUrl, Description = "`dotnet run --project src/Client.Api`" }];
        return Task.CompletedTask;
    }
}
