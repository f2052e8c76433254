using System.Globalization;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Xunit;

namespace LabSandbox.Api.Tests.Artifacts;

/// <summary>Reads downloaded Parquet files with Parquet.Net's reader, independently of the code that wrote them (CSV: <see cref="LabSandbox.TestSupport.CsvText"/>).</summary>
public static class ArtifactFiles
{
    /// <summary>Every column of the file's only row group, by name, values boxed (nulls kept).</summary>
    public static async Task<Dictionary<string, object?[]>> ReadParquetAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream);
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var columns = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        foreach (var field in reader.Schema.GetDataFields())
        {
            columns[field.Name] = await ReadColumnAsync(group, field, (int)group.RowCount);
        }

        return columns;
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(long))
        {
            var values = new long?[rows];
            await group.ReadAsync<long>(field, values.AsMemory());
            return values.Select(v => (object?)v).ToArray();
        }

        if (field.ClrType == typeof(double))
        {
            var values = new double?[rows];
            await group.ReadAsync<double>(field, values.AsMemory());
            return values.Select(v => (object?)v).ToArray();
        }

        if (field.ClrType == typeof(bool))
        {
            var values = new bool?[rows];
            await group.ReadAsync<bool>(field, values.AsMemory());
            return values.Select(v => (object?)v).ToArray();
        }

        var text = new string?[rows];
        await group.ReadAsync(field, text.AsMemory());
        return text.Select(v => (object?)v).ToArray();
    }

    /// <summary>A JSON value as the text a CSV cell should hold (numbers compared by value by the callers).</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToJsonString(),
    };

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
