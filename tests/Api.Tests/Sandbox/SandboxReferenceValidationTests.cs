using System.Net;
using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Lab;
using Xunit;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// Synthetic calcuttas refer to other things only by id — a pool to copy, a Lab candidate to attach, an attached
/// candidate to focus — and a wrong reference is refused with a clear status (404 for a candidate that does not
/// exist, 400 naming the field otherwise) and changes nothing; a body missing its rules creates nothing.
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class SandboxReferenceValidationTests(SandboxLabFixture lab)
{
    private const string Pool = "calcutta-2025";

    [Fact]
    public async Task Attaching_a_candidate_that_does_not_exist_is_a_404_and_changes_nothing()
    {
        const string syntheticId = "syn-refs-unknown-candidate";
        var before = await lab.Http.CreateFromCalcuttaAsync(syntheticId, Pool);

        var reply = await lab.Http.SendAsync(HttpMethod.Post, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/candidates",
            new JsonObject { ["candidateId"] = "cand-does-not-exist" });

        Assert.True(reply.Status == HttpStatusCode.NotFound, reply.ToString());
        Assert.Contains("cand-does-not-exist", reply.Text);
        Assert.True(JsonNode.DeepEquals(before, await lab.Http.GetSyntheticAsync(syntheticId)));
    }

    [Fact]
    public async Task Focusing_a_candidate_that_is_not_attached_is_a_400_naming_candidateId_and_changes_nothing()
    {
        const string syntheticId = "syn-refs-unattached-focus";
        await lab.Http.CreateFromCalcuttaAsync(syntheticId, Pool);
        var before = await lab.Http.AttachAsync(syntheticId, lab.CandidateIds[Pool]);

        // A real candidate (of another pool's Lab run), just not attached here; and one that does not exist at all.
        foreach (var candidateId in new[] { lab.CandidateIds["calcutta-2024"], "cand-does-not-exist" })
        {
            var reply = await lab.Http.SendAsync(HttpMethod.Put, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/focus",
                new JsonObject { ["candidateId"] = candidateId });

            var problem = SandboxApi.AssertInvalid(reply, $"focus {candidateId}", "candidateId");
            Assert.Contains(SandboxApi.Messages(problem, "candidateId"), m => m.Contains(candidateId, StringComparison.Ordinal));
        }

        var after = await lab.Http.GetSyntheticAsync(syntheticId);
        Assert.True(JsonNode.DeepEquals(before, after), after.ToJsonString());
        Assert.Null(after["focusCandidateId"]);
    }

    [Fact]
    public async Task Copying_a_calcutta_that_does_not_exist_is_a_400_naming_calcuttaId_and_creates_nothing()
    {
        const string syntheticId = "syn-refs-unknown-pool";

        var reply = await lab.Http.SendAsync(HttpMethod.Post, $"{SandboxApi.SyntheticCalcuttas}/from-calcutta",
            new JsonObject { ["syntheticCalcuttaId"] = syntheticId, ["calcuttaId"] = "calcutta-1999" });

        var problem = SandboxApi.AssertInvalid(reply, "from calcutta-1999", "calcuttaId");
        Assert.Contains(SandboxApi.Messages(problem, "calcuttaId"), m => m.Contains("calcutta-1999", StringComparison.Ordinal));
        await AssertNotCreatedAsync(syntheticId);
    }

    [Fact]
    public async Task Creating_an_empty_calcutta_without_rules_is_a_400_naming_rules_and_creates_nothing()
    {
        const string syntheticId = "syn-refs-no-rules";
        var body = new JsonObject
        {
            ["syntheticCalcuttaId"] = syntheticId,
            ["name"] = "No rules",
            ["tournamentId"] = "ncaa-2025",
            ["payouts"] = new JsonArray(new JsonObject { ["position"] = 1, ["amountCents"] = 10_000 }),
        };

        var reply = await lab.Http.SendAsync(HttpMethod.Post, SandboxApi.SyntheticCalcuttas, body);

        SandboxApi.AssertInvalid(reply, "empty create without rules", "rules");
        await AssertNotCreatedAsync(syntheticId);

        // The same body with rules is accepted: the rules were the only thing wrong.
        body["rules"] = new JsonObject { ["budgetPoints"] = 100, ["minTeams"] = 3, ["maxTeams"] = 10, ["minBidPoints"] = 1, ["maxBidPoints"] = 50 };
        var created = await lab.Http.OkAsync(HttpMethod.Post, SandboxApi.SyntheticCalcuttas, body);
        Assert.Equal(syntheticId, created.Text("syntheticCalcuttaId"));
        Assert.Empty(created["entries"]!.AsArray());
    }

    private async Task AssertNotCreatedAsync(string syntheticId)
    {
        var get = await lab.Http.SendAsync(HttpMethod.Get, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}");
        Assert.True(get.Status == HttpStatusCode.NotFound, get.ToString());
        var list = await lab.Http.GetOkAsync(SandboxApi.SyntheticCalcuttas);
        Assert.DoesNotContain(list["items"].Objects(), i => i.Text("syntheticCalcuttaId") == syntheticId);
    }
}
