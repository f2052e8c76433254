namespace LabSandbox.Api.Components.Shared;

/// <summary>
/// A table as exported: its columns and its rows as shown (same order, same values, money in cents so the file
/// round-trips exactly). CSV and JSON are both written from this one shape.
/// </summary>
public sealed record TableExport(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Builds an export from typed rows with one selector per column, in column order.</summary>
    public static TableExport From<T>(string name, IEnumerable<T> rows, params (string Column, Func<T, object?> Value)[] columns) =>
        new(name, columns.Select(c => c.Column).ToList(),
            rows.Select(r => (IReadOnlyList<object?>)columns.Select(c => c.Value(r)).ToList()).ToList());
}
