namespace LabSandbox.Grains.Interfaces.Artifacts.Tables;

/// <summary>How a column's values are typed in CSV and Parquet: whole numbers, real numbers, booleans or text.</summary>
public enum ArtifactColumnType
{
    Integer,
    Number,
    Boolean,
    Text,
}

public sealed record ArtifactColumn(string Name, ArtifactColumnType Type);

/// <summary>
/// One table of an artifact's tabular form: its columns in first-seen order and its rows in document order. Cells are
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or null, as the JSON held them.
/// </summary>
public sealed record ArtifactTable(string Name, IReadOnlyList<ArtifactColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
