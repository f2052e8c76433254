using System.Text.Json.Nodes;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>A request being broken: the body as nodes (with raw-byte markers) or as bytes outright, its content type, its path values.</summary>
public sealed class FuzzDraft(FuzzOperation operation, JsonObject? json, string[] pathValues)
{
    public FuzzOperation Operation { get; } = operation;

    public JsonObject? Json { get; } = json;

    public string[] PathValues { get; } = pathValues;

    public List<byte[]> Raws { get; } = [];

    public List<string> Noise { get; } = [];

    /// <summary>The body's bytes when a break writes them itself (not JSON, truncated, too large…).</summary>
    public byte[]? Bytes { get; set; }

    public bool NoBody { get; set; }

    public string? ContentType { get; set; } = "application/json";

    public bool Chunked { get; set; }

    public bool Relaxed { get; set; }

    /// <summary>A node that is written out as exactly these bytes (in place of the value, quotes included).</summary>
    public JsonNode Raw(byte[] bytes)
    {
        Raws.Add(bytes);
        return FuzzBodies.Marker(Raws.Count - 1);
    }

    /// <summary>The body as it stands now (before any break that rewrites the bytes).</summary>
    public byte[] Written() => FuzzBodies.Write(Json!, Relaxed, Raws);

    /// <summary>The paths of <see cref="Json"/>'s values, leaves only when <paramref name="leaves"/>.</summary>
    public IReadOnlyList<object[]> Paths(bool leaves = false) =>
        Json is null ? [] : FuzzBodies.Paths(Json).Where(p => !leaves || FuzzBodies.Get(Json, p) is not (JsonObject or JsonArray)).ToList();

    public FuzzCase ToCase(string label) =>
        new(Operation, label, Noise, PathValues, NoBody ? null : Bytes ?? (Json is null ? null : Written()), ContentType, Chunked);
}
