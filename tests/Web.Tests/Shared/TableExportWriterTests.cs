using System.Text;
using System.Text.Json;
using LabSandbox.Api.Components.Shared;
using Xunit;

namespace LabSandbox.Web.Tests.Shared;

public sealed class TableExportWriterTests
{
    private static readonly TableExport Table = new("leaderboard", ["entry", "expectedPayoutCents", "pFirst"],
    [
        ["Smith, \"J\"", 1904700L, 0.125],
        ["-negative", -3L, 0.1 + 0.2],
    ]);

    [Fact]
    public void Csv_has_the_header_then_each_row_in_order_quoted_where_needed_and_doubles_round_trip()
    {
        var text = Encoding.UTF8.GetString(TableExportWriter.Csv(Table));
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "entry,expectedPayoutCents,pFirst",
            "\"Smith, \"\"J\"\"\",1904700,0.125",
            "-negative,-3,0.30000000000000004",
        ], lines);
    }

    [Fact]
    public void Json_is_an_array_of_objects_keyed_by_column_with_numbers_as_numbers()
    {
        using var json = JsonDocument.Parse(TableExportWriter.Json(Table));
        var rows = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("Smith, \"J\"", rows[0].GetProperty("entry").GetString());
        Assert.Equal(1904700L, rows[0].GetProperty("expectedPayoutCents").GetInt64());
        Assert.Equal(0.1 + 0.2, rows[1].GetProperty("pFirst").GetDouble());
    }
}
