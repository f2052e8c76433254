namespace LabSandbox.Api.Infrastructure.OpenApi;

/// <summary>A documented example of an endpoint's request body, as a typed request record.</summary>
/// <param name="Name">The example's key in the document.</param>
public sealed record RequestExample(string Name, string Summary, object Value);

/// <summary>Endpoint metadata: the examples of the endpoint's request body (see <see cref="RequestExampleTransformer"/>).</summary>
public sealed record RequestExamples(IReadOnlyList<RequestExample> Items);

public static class RequestExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, IReadOnlyList<RequestExample> examples) =>
        builder.WithMetadata(new RequestExamples(examples));

    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, string name, string summary, object value) =>
        builder.WithRequestExample([new RequestExample(name, summary, value)]);
}
