using LabSandbox.Grains.Interfaces.Artifacts.Tables;
using Xunit;

namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>The tabular form behind previews, CSV and Parquet: its flattening rules, its typing, and Parquet bytes that never vary.</summary>
public sealed class ArtifactTabularTests
{
    [Fact]
    public void A_document_gives_its_fields_and_a_table_per_array_of_objects_in_document_order()
    {
        var tables = ArtifactTabular.Read("application/json", ArtifactSamples.SimulationMetrics);

        Assert.Equal(["fields", "datasetRefs", "entries", "teams"], tables.Select(t => t.Name));
        var fields = tables[0].Rows.ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal("10", fields["advancementModel.sigma"]);
        Assert.Null(fields["excludedEntryKey"]);
        Assert.Equal("entries", ArtifactTabular.Primary(tables).Name);

        var entries = tables[2];
        Assert.Equal(["entryKey", "payoutCentsTotal", "expectedPayoutCents"], entries.Columns.Take(3).Select(c => c.Name));
        Assert.Equal(ArtifactColumnType.Integer, entries.Columns[entries.ColumnIndex("payoutCentsTotal")].Type);
        Assert.Equal(ArtifactColumnType.Number, entries.Columns[entries.ColumnIndex("expectedPayoutCents")].Type);
        Assert.Equal(6250L, entries.Rows[0][entries.ColumnIndex("positionCounts_1")]);
    }

    [Fact]
    public void Rows_spread_short_arrays_flatten_objects_keep_nested_object_arrays_as_JSON_and_mixed_numbers_are_real()
    {
        var table = ArtifactTabular.FromJsonLines(
        [
            """{"a":{"b":1},"xs":[1,2],"items":[{"k":1}],"n":1,"flag":true,"mixed":1}""",
            "",
            """{"a":{"b":2},"xs":[3],"items":[],"n":2.5,"flag":false,"mixed":"x"}""",
        ]);

        Assert.Equal(["a_b", "xs_1", "xs_2", "items", "n", "flag", "mixed"], table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.Rows.Count);
        Assert.Null(table.Rows[1][table.ColumnIndex("xs_2")]);
        Assert.Equal("""[{"k":1}]""", table.Rows[0][table.ColumnIndex("items")]);
        Assert.Equal(ArtifactColumnType.Number, table.Columns[table.ColumnIndex("n")].Type);
        Assert.Equal(1.0, table.Rows[0][table.ColumnIndex("n")]);
        Assert.Equal(ArtifactColumnType.Boolean, table.Columns[table.ColumnIndex("flag")].Type);
        Assert.Equal(ArtifactColumnType.Text, table.Columns[table.ColumnIndex("mixed")].Type);
        Assert.Equal("1", table.Rows[0][table.ColumnIndex("mixed")]);
    }

    [Fact]
    public void Long_scalar_lists_become_a_table_of_their_own()
    {
        var ids = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"art-{i}\""));
        var tables = ArtifactTabular.Read("application/json", $$"""{"artifactIds":[{{ids}}],"few":["a","b"]}""");

        Assert.Equal(["fields", "artifactIds"], tables.Select(t => t.Name));
        Assert.Equal(40, tables[1].Rows.Count);
        Assert.Equal("a, b", tables[0].Rows.Single(r => (string)r[0]! == "few")[1]);
    }

    [Fact]
    public async Task Parquet_bytes_are_the_same_every_time_for_the_same_content()
    {
        var first = await ArtifactParquet.WriteAsync(ArtifactTabular.FromJsonLines(ArtifactTabular.Lines(ArtifactSamples.AdvancementLines)));
        var second = await ArtifactParquet.WriteAsync(ArtifactTabular.FromJsonLines(ArtifactTabular.Lines(ArtifactSamples.AdvancementLines)));

        Assert.Equal(first, second);
        Assert.Equal("PAR1"u8.ToArray(), first[..4]);
        Assert.Equal("PAR1"u8.ToArray(), first[^4..]);
    }
}
