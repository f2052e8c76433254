using Bunit;
using LabSandbox.Api.Features.Simulations;
using LabSandbox.Api.Features.Simulations.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Simulations;

public sealed class PairedVariantsTests : LabComponentTest
{
    [Fact]
    public void Each_variant_shows_payout_and_gain_with_intervals_in_dollars_and_its_chances()
    {
        var results = new PairedResultsView("run-paired-1", "P005", "post_first_four", 7, 2000, "exp-1", "art-m",
        [
            new("incumbent", 200, 600, 12_345, 12_000, 12_700, 0, 0, 0),
            new("challenger", 300, 700, 13_000, 12_600, 13_400, 655, -20, 1_330),
        ]);
        var cut = Render<PairedVariantsTable>(p => p.Add(x => x.Results, results));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("$130.00", rows[1].TextContent);
        Assert.Contains("$126.00 – $134.00", rows[1].TextContent);
        Assert.Contains("-$0.20 – $13.30", rows[1].TextContent);
        Assert.Contains("15.00 %", rows[1].TextContent);
        Assert.Contains("35.00 %", rows[1].TextContent);
    }
}
