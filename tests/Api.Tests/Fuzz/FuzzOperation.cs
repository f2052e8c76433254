using System.Text.Json.Nodes;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// One write operation of the served OpenAPI document: its method and path template, the path parameters, and (when it
/// takes a body) the body's schema resolved for reading, its required fields and the document's examples.
/// </summary>
public sealed record FuzzOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<string> PathParameters,
    FuzzBody? Body)
{
    public override string ToString() => $"{Method} {PathTemplate} ({OperationId})";
}

/// <summary>
/// A request body: the well-formed bodies to start from (the document's examples, or one built from the schema),
/// the required fields by example, and each top-level field's allowed JSON types (empty when the schema does not say).
/// </summary>
public sealed record FuzzBody(
    IReadOnlyList<JsonObject> Bases,
    IReadOnlyList<IReadOnlyList<string>> RequiredByBase,
    IReadOnlyDictionary<string, IReadOnlySet<string>> FieldTypes);
