using Parquet;
using Parquet.Schema;

namespace LabSandbox.Grains.Interfaces.Artifacts.Tables;

/// <summary>
/// An <see cref="ArtifactTable"/> as a Parquet file: one optional column per table column, typed as
/// <see cref="ArtifactColumnType"/> says (INT64, DOUBLE, BOOLEAN, UTF-8), in one row group. The writer is fixed
/// (Snappy, no custom metadata, no clock), so the same table always gives the same bytes — the artifact store's copy
/// and a download made later are identical.
/// </summary>
public static class ArtifactParquet
{
    public const string ContentType = "application/vnd.apache.parquet";

    private static ParquetOptions Options => new() { CompressionMethod = CompressionMethod.Snappy };

    public static async Task<byte[]> WriteAsync(ArtifactTable table, CancellationToken cancellationToken = default)
    {
        var fields = table.Columns.Select(Field).ToList();
        using var buffer = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), buffer, Options, append: false, cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Count; c++)
            {
                var column = c;
                switch (table.Columns[c].Type)
                {
                    case ArtifactColumnType.Integer:
                        await group.WriteAsync<long>(fields[c], table.Rows.Select(r => (long?)r[column]).ToArray(), null, null, cancellationToken);
                        break;
                    case ArtifactColumnType.Number:
                        await group.WriteAsync<double>(fields[c], table.Rows.Select(r => (double?)r[column]).ToArray(), null, null, cancellationToken);
                        break;
                    case ArtifactColumnType.Boolean:
                        await group.WriteAsync<bool>(fields[c], table.Rows.Select(r => (bool?)r[column]).ToArray(), null, null, cancellationToken);
                        break;
                    default:
                        await group.WriteAsync(fields[c], table.Rows.Select(r => (string?)r[column]).ToArray()!, null);
                        break;
                }
            }
        }

        return buffer.ToArray();
    }

    private static DataField Field(ArtifactColumn column) => column.Type switch
    {
        ArtifactColumnType.Integer => new DataField<long?>(column.Name),
        ArtifactColumnType.Number => new DataField<double?>(column.Name),
        ArtifactColumnType.Boolean => new DataField<bool?>(column.Name),
        _ => new DataField<string>(column.Name, nullable: true),
    };
}
