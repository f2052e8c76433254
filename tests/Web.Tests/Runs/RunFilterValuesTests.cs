using LabSandbox.Api.Features.Runs;
using LabSandbox.Grains.Interfaces.Runs;
using Xunit;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunFilterValuesTests
{
    [Fact]
    public void Filters_become_an_index_query_whose_to_day_is_included()
    {
        var (query, problem) = new RunFilterValues("simulation", "running", "false", "2026-03-01", "2026-03-14").ToQuery(null, 50);

        Assert.Null(problem);
        Assert.Equal(("simulation", RunStatus.Running, false), (query!.Kind, query.Status, query.DeadLettered));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), query.CreatedFrom);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), query.CreatedTo);
    }

    [Theory]
    [InlineData("nope", null, null, null)]
    [InlineData(null, "maybe", null, null)]
    [InlineData(null, null, "14/03/2026", null)]
    [InlineData(null, null, "2026-03-14", "2026-03-01")]
    public void A_bad_filter_is_a_problem_not_a_query(string? status, string? deadLettered, string? from, string? to)
    {
        var (query, problem) = new RunFilterValues(null, status, deadLettered, from, to).ToQuery(null, 50);

        Assert.Null(query);
        Assert.NotNull(problem);
    }
}
