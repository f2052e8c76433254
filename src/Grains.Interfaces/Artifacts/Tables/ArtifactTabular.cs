using System.Globalization;
using System.Text.Json;

namespace LabSandbox.Grains.Interfaces.Artifacts.Tables;

/// <summary>
/// The tabular form of an artifact's JSON, the one shape its preview, CSV and Parquet are made from, so they all agree.
/// A JSON Lines artifact is one table (<see cref="RowsTable"/>), a line a row. A JSON object gives a <see cref="FieldsTable"/>
/// (every scalar, nested names joined by dots) and one table per array of objects (named by its path). A JSON array is
/// one table. Inside a row, nested objects become <c>parent_child</c> columns, short arrays of scalars <c>name_1…name_n</c>,
/// anything else its compact JSON text. Deterministic: the same bytes always give the same tables.
/// </summary>
public static class ArtifactTabular
{
    public const string FieldsTable = "fields";
    public const string RowsTable = "rows";
    public const string JsonLinesContentType = "application/x-ndjson";

    /// <summary>Arrays of scalars up to this long are spread over columns (a row) or joined (a field); longer ones get a table.</summary>
    public const int MaxSpreadArray = 32;

    /// <summary>The table a download gives when none is named: the first of these the document has, else its fields.</summary>
    private static readonly string[] Preferred = [RowsTable, "entries", "teams", "bids", "variants", "pools", "runs", "iterations"];

    public static bool IsJsonLines(string contentType) =>
        contentType.StartsWith(JsonLinesContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every table of a whole artifact.</summary>
    public static IReadOnlyList<ArtifactTable> Read(string contentType, string content) =>
        IsJsonLines(contentType) ? [FromJsonLines(Lines(content))] : FromJson(content);

    /// <summary>The default table of <paramref name="tables"/> (see <see cref="Preferred"/>).</summary>
    public static ArtifactTable Primary(IReadOnlyList<ArtifactTable> tables) =>
        Preferred.Select(name => tables.FirstOrDefault(t => t.Name == name)).FirstOrDefault(t => t is not null)
        ?? tables.FirstOrDefault(t => t.Name == FieldsTable)
        ?? tables[0];

    /// <summary>One table from JSON Lines, a line a row (blank lines skipped).</summary>
    public static ArtifactTable FromJsonLines(IEnumerable<string> lines)
    {
        var builder = new TableBuilder(RowsTable);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            builder.AddRow(document.RootElement);
        }

        return builder.Build();
    }

    public static IReadOnlyList<ArtifactTable> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var rows = new TableBuilder(RowsTable);
            foreach (var item in root.EnumerateArray())
            {
                rows.AddRow(item);
            }

            return [rows.Build()];
        }

        var fields = new TableBuilder(FieldsTable);
        var tables = new List<TableBuilder>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            Walk(root, "", fields, tables);
        }
        else
        {
            fields.AddField("value", root);
        }

        return [fields.Build(), .. tables.Select(t => t.Build())];
    }

    /// <summary>The lines of a JSON Lines text.</summary>
    public static IEnumerable<string> Lines(string content)
    {
        using var reader = new StringReader(content);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static void Walk(JsonElement obj, string prefix, TableBuilder fields, List<TableBuilder> tables)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var path = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Walk(value, path + ".", fields, tables);
                    break;
                case JsonValueKind.Array when value.GetArrayLength() > 0 && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object):
                    var table = new TableBuilder(path);
                    foreach (var item in value.EnumerateArray())
                    {
                        table.AddRow(item);
                    }

                    tables.Add(table);
                    break;
                case JsonValueKind.Array when IsScalarArray(value) && value.GetArrayLength() > MaxSpreadArray:
                    var list = new TableBuilder(path);
                    foreach (var item in value.EnumerateArray())
                    {
                        list.AddRow(item);
                    }

                    tables.Add(list);
                    break;
                default:
                    fields.AddField(path, value);
                    break;
            }
        }
    }

    internal static bool IsScalarArray(JsonElement array) =>
        array.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array));

    /// <summary>A scalar as a cell: long when the number is whole and fits, double otherwise.</summary>
    internal static object? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? (object)whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>A cell as invariant text (doubles in their shortest round-trip form).</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => cell.ToString() ?? "",
    };
}
