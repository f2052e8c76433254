using System.Text.Json.Nodes;
using LabSandbox.Api.Tests.Lab;
using Xunit;

namespace LabSandbox.Api.Tests.Sandbox;

/// <summary>
/// An entry is checked against the copied pool's rules (3–10 teams, 1–50 points a bid, at most 100 in all) and
/// its tournament's teams. A bad entry — added or replacing one — is a 400 naming <c>bids</c> and stores nothing:
/// no new version, the same digest, the same entries.
/// </summary>
[Collection(SandboxLabCollection.Name)]
public sealed class SyntheticEntryValidationTests(SandboxLabFixture lab)
{
    private const string Pool = "calcutta-2025";

    [Theory]
    [InlineData("11 teams", "11")]
    [InlineData("a 51-point bid", "51")]
    [InlineData("101 points in all", "101")]
    [InlineData("an unknown team", "no-such-team")]
    [InlineData("a team twice", "appears more than once")]
    public async Task A_rule_breaking_entry_is_a_400_naming_bids_and_stores_nothing(string scenario, string mentioned)
    {
        var http = lab.Http;
        var syntheticId = "syn-invalid-" + scenario.Replace(' ', '-');
        var before = await http.CreateFromCalcuttaAsync(syntheticId, Pool);
        Assert.Equal(
            """{"budgetPoints":100,"minTeams":3,"maxTeams":10,"minBidPoints":1,"maxBidPoints":50}""",
            before["rules"]!.ToJsonString());
        var bids = await BidsAsync(scenario);
        var existingKey = before.EntryKeys()[0];

        var added = await http.SendAsync(HttpMethod.Post, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/entries",
            new JsonObject { ["entryKey"] = "bad-entry", ["bids"] = bids.DeepClone() });
        var replaced = await http.SendAsync(HttpMethod.Put, $"{SandboxApi.SyntheticCalcuttas}/{syntheticId}/entries/{existingKey}",
            new JsonObject { ["bids"] = bids.DeepClone() });

        foreach (var (how, reply) in new[] { ("POST", added), ("PUT", replaced) })
        {
            var problem = SandboxApi.AssertInvalid(reply, $"{scenario} ({how})", "bids");
            Assert.Contains(SandboxApi.Messages(problem, "bids"), m => m.Contains(mentioned, StringComparison.Ordinal));
        }

        var after = await http.GetSyntheticAsync(syntheticId);
        Assert.Equal(before.Digest(), after.Digest());
        Assert.Equal(1, after.Version());
        Assert.True(JsonNode.DeepEquals(before["entries"], after["entries"]), scenario);
    }

    /// <summary>Bids that break exactly one rule, over real ncaa-2025 teams unless the scenario says otherwise.</summary>
    private async Task<JsonArray> BidsAsync(string scenario)
    {
        var teams = await lab.Http.TeamIdsAsync("ncaa-2025");
        return scenario switch
        {
            "11 teams" => SandboxApi.Bids(teams.Take(11).Select(t => (t, 9)).ToArray()),
            "a 51-point bid" => SandboxApi.Bids((teams[0], 51), (teams[1], 20), (teams[2], 20)),
            "101 points in all" => SandboxApi.Bids((teams[0], 50), (teams[1], 50), (teams[2], 1)),
            "an unknown team" => SandboxApi.Bids((teams[0], 30), (teams[1], 30), ("no-such-team", 30)),
            "a team twice" => SandboxApi.Bids((teams[0], 30), (teams[1], 30), (teams[0], 30)),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
        };
    }
}
