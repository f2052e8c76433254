using System.Text.Json;

namespace LabSandbox.Grains.Interfaces.Artifacts.Tables;

/// <summary>Collects rows whose columns are discovered as they come, then types every column from all of its values.</summary>
internal sealed class TableBuilder(string name)
{
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Dictionary<int, object?>> _rows = [];

    /// <summary>A field of a document's fields table: its path and its value as text (arrays of scalars joined).</summary>
    public void AddField(string path, JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Array when ArtifactTabular.IsScalarArray(value) =>
                string.Join(", ", value.EnumerateArray().Select(e => ArtifactTabular.Text(ArtifactTabular.Cell(e)))),
            JsonValueKind.Array or JsonValueKind.Object => value.GetRawText(),
            _ => ArtifactTabular.Text(ArtifactTabular.Cell(value)),
        };
        var row = new Dictionary<int, object?> { [Column("field")] = path, [Column("value")] = value.ValueKind == JsonValueKind.Null ? null : text };
        _rows.Add(row);
    }

    public void AddRow(JsonElement item)
    {
        var row = new Dictionary<int, object?>();
        if (item.ValueKind == JsonValueKind.Object)
        {
            Flatten(item, "", row);
        }
        else
        {
            row[Column("value")] = item.ValueKind == JsonValueKind.Array ? item.GetRawText() : ArtifactTabular.Cell(item);
        }

        _rows.Add(row);
    }

    public ArtifactTable Build()
    {
        var types = _columns.Select((_, i) => TypeOf(_rows.Select(r => r.GetValueOrDefault(i)))).ToList();
        var columns = _columns.Select((c, i) => new ArtifactColumn(c, types[i])).ToList();
        var rows = _rows
            .Select(r => (IReadOnlyList<object?>)Enumerable.Range(0, _columns.Count).Select(i => Convert(r.GetValueOrDefault(i), types[i])).ToList())
            .ToList();
        return new ArtifactTable(name, columns, rows);
    }

    private void Flatten(JsonElement obj, string prefix, Dictionary<int, object?> row)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var column = prefix + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                Flatten(value, column + "_", row);
            }
            else if (value.ValueKind == JsonValueKind.Array && ArtifactTabular.IsScalarArray(value) && value.GetArrayLength() <= ArtifactTabular.MaxSpreadArray)
            {
                var i = 1;
                foreach (var item in value.EnumerateArray())
                {
                    row[Column($"{column}_{i++}")] = ArtifactTabular.Cell(item);
                }
            }
            else
            {
                row[Column(column)] = value.ValueKind == JsonValueKind.Array ? value.GetRawText() : ArtifactTabular.Cell(value);
            }
        }
    }

    private int Column(string column)
    {
        if (!_index.TryGetValue(column, out var i))
        {
            i = _columns.Count;
            _columns.Add(column);
            _index[column] = i;
        }

        return i;
    }

    /// <summary>Whole numbers stay integers; a mix with reals is real; any other mix (or nothing but nulls) is text.</summary>
    private static ArtifactColumnType TypeOf(IEnumerable<object?> values)
    {
        ArtifactColumnType? type = null;
        foreach (var value in values)
        {
            ArtifactColumnType? own = value switch
            {
                null => null,
                long => ArtifactColumnType.Integer,
                double => ArtifactColumnType.Number,
                bool => ArtifactColumnType.Boolean,
                _ => ArtifactColumnType.Text,
            };
            type = (type, own) switch
            {
                (_, null) => type,
                (null, _) => own,
                var (a, b) when a == b => a,
                (ArtifactColumnType.Integer, ArtifactColumnType.Number) or (ArtifactColumnType.Number, ArtifactColumnType.Integer) => ArtifactColumnType.Number,
                _ => ArtifactColumnType.Text,
            };
        }

        return type ?? ArtifactColumnType.Text;
    }

    private static object? Convert(object? value, ArtifactColumnType type) => (value, type) switch
    {
        (null, _) => null,
        (long l, ArtifactColumnType.Number) => (double)l,
        (not string, ArtifactColumnType.Text) => ArtifactTabular.Text(value),
        _ => value,
    };
}
