using Bunit;
using LabSandbox.Api.Features.Sandbox;
using LabSandbox.Api.Features.Sandbox.Components;
using Xunit;

namespace LabSandbox.Web.Tests.Sandbox;

public sealed class PoolCandidatesPanelTests : LabComponentTest
{
    private static readonly IReadOnlyList<PoolCandidate> Candidates =
    [
        new("cand-aaa", "cfg-naive", "naive_ev", 125.2, 100, 10, "P017"),
        new("cand-bbb", "cfg-ridge", "ridge", 118.9, 100, 8, "P017"),
        new("cand-ccc", "cfg-oracle", "oracle", 130.0, 99, 7, null),
    ];

    [Fact]
    public void Each_candidate_of_the_pool_is_listed_with_the_action_its_state_allows_and_the_focus_marked()
    {
        var cut = Render<PoolCandidatesPanel>(p => p.Add(x => x.SourceCalcuttaId, "calcutta-2025").Add(x => x.Candidates, Candidates)
            .Add(x => x.Attached, new HashSet<string> { "cand-aaa", "cand-bbb" }).Add(x => x.FocusCandidateId, "cand-aaa"));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("attached, focus", rows[0].TextContent);
        Assert.Contains("lab-highlight", rows[0].ClassName);
        Assert.Empty(rows[0].QuerySelectorAll("button[aria-label='Set focus: cand-aaa']"));
        Assert.Single(rows[0].QuerySelectorAll("button[aria-label='Detach cand-aaa']"));
        Assert.Single(rows[1].QuerySelectorAll("button[aria-label='Set focus: cand-bbb']"));
        Assert.Contains("not attached", rows[2].TextContent);
        Assert.Single(rows[2].QuerySelectorAll("button[aria-label='Attach cand-ccc']"));
        Assert.Equal("/lab/candidates/cand-ccc", rows[2].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("125.2", rows[0].TextContent);
        Assert.Contains("P017", rows[0].TextContent);
    }

    [Fact]
    public void Attach_detach_and_focus_call_back_with_the_candidate()
    {
        var calls = new List<string>();
        var cut = Render<PoolCandidatesPanel>(p => p.Add(x => x.Candidates, Candidates).Add(x => x.Attached, new HashSet<string> { "cand-bbb" })
            .Add(x => x.OnAttach, id => calls.Add($"attach {id}")).Add(x => x.OnDetach, id => calls.Add($"detach {id}"))
            .Add(x => x.OnFocus, c => calls.Add($"focus {c.CandidateId}")));

        cut.Find("button[aria-label='Attach cand-aaa']").Click();
        cut.Find("button[aria-label='Set focus: cand-bbb']").Click();
        cut.Find("button[aria-label='Detach cand-bbb']").Click();

        Assert.Equal(["attach cand-aaa", "focus cand-bbb", "detach cand-bbb"], calls);
    }

    [Fact]
    public void Without_candidates_it_points_to_the_lab_and_a_refusal_shows_inline()
    {
        var problem = new FormProblem(null, new Dictionary<string, string[]> { ["candidateId"] = ["Candidate 'cand-zzz' does not exist."] });
        var cut = Render<PoolCandidatesPanel>(p => p.Add(x => x.SourceCalcuttaId, "calcutta-2025").Add(x => x.Candidates, []).Add(x => x.Problem, problem));

        Assert.Contains("The Lab has no candidate for calcutta-2025 yet.", cut.Markup);
        Assert.Contains("href=\"/lab\"", cut.Markup);
        Assert.Contains("Candidate 'cand-zzz' does not exist.", cut.Markup);
    }
}
