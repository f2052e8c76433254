using Bunit;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Features.Runs.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Runs;

public sealed class RunFormFieldsTests : LabComponentTest
{
    [Fact]
    public void The_factorys_field_errors_show_under_their_fields()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["startingState"] = ["Unknown starting state 'half_time'."],
            ["model.sigma"] = ["'model.sigma' must be a finite number greater than 0."],
        };

        var cut = Render<AdvancementRunFields>(p => p.Add(x => x.Model, new AdvancementForm()).Add(x => x.TournamentIds, ["ncaa-2025"]).Add(x => x.Errors, errors));

        var shown = cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Unknown starting state 'half_time'.", shown);
        Assert.Contains("'model.sigma' must be a finite number greater than 0.", shown);
    }

    [Fact]
    public void A_form_writes_the_request_the_api_takes_leaving_absent_fields_out()
    {
        var simulation = new SimulationForm { AdvancementArtifactId = "art-1", CalcuttaId = "calcutta-2025", NSims = 1000, Seed = 7, StartingState = "pre_tournament" };

        Assert.Equal(
            """{"kind":"simulation","advancementArtifactId":"art-1","nSims":1000,"seed":7,"startingState":"pre_tournament","calcuttaId":"calcutta-2025"}""",
            RunRequestJson.Write(simulation.ToRequest()));
        Assert.Equal(
            """{"kind":"advancement","tournamentId":"ncaa-2025","model":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament"}""",
            RunRequestJson.Write(new AdvancementForm { TournamentId = "ncaa-2025" }.ToRequest()));
        Assert.Equal("""{"kind":"retention","olderThanDays":30,"dryRun":true}""", RunRequestJson.Write(new RetentionForm().ToRequest()));
    }
}
