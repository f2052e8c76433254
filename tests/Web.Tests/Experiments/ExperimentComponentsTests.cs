using Bunit;
using LabSandbox.Api.Features.Experiments;
using LabSandbox.Api.Features.Experiments.Components;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using Xunit;
using static LabSandbox.Web.Tests.Experiments.ExperimentFixtures;

namespace LabSandbox.Web.Tests.Experiments;

public sealed class ExperimentComponentsTests : LabComponentTest
{
    [Fact]
    public void The_list_shows_each_experiment_with_its_status_pool_and_best_result_linked()
    {
        var cut = Render<ExperimentListTable>(p => p.Add(x => x.Items,
            [Snapshot(), Snapshot("exp-2", null, ExperimentStatus.Running)]));

        var rows = cut.FindAll("tr.experiment-row");
        Assert.Equal(2, rows.Count);
        Assert.Equal("/experiments/exp-1", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Search 2025", rows[0].TextContent);
        Assert.Contains("succeeded", rows[0].TextContent);
        Assert.Contains("calcutta-2025", rows[0].TextContent);
        Assert.Contains("$189.04", rows[0].TextContent);
        Assert.Contains("$186.50 ✓", rows[0].TextContent);
        Assert.Equal("/pools/calcutta-2025", rows[0].QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Contains("running", rows[1].TextContent);
        Assert.Contains("exp-2", rows[1].TextContent);
        Assert.Equal(2, rows[1].QuerySelectorAll("td.lab-num").Count(td => td.TextContent.Trim() == "—"));
        Assert.Contains("Export experiments as CSV", cut.Markup);
    }

    [Fact]
    public void An_empty_list_says_so()
    {
        var cut = Render<ExperimentListTable>(p => p.Add(x => x.Items, []).Add(x => x.EmptyText, "No experiments yet."));

        Assert.Contains("No experiments yet.", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void The_convergence_chart_has_the_table_it_plots_as_its_text_alternative()
    {
        var cut = Render<ConvergenceChart>(p => p.Add(x => x.Points, ConvergencePoint.From(Iterations())));

        var rows = cut.FindAll(".convergence-table tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["0", "$2.54", "$2.24", "$2.84", "10,000", "no", "—"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["1", "$3.00", "$2.75", "$3.25", "10,000", "yes", "$189.04"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Single(cut.FindAll(".convergence-wide circle.accepted-mark"));
        Assert.Single(cut.FindAll(".convergence-narrow circle.accepted-mark"));
        Assert.Contains("from $2.54 at iteration 0 to $189.00 at iteration 2; 1 accepted step", cut.Find("svg title").TextContent);
        Assert.Equal("img", cut.Find("svg").GetAttribute("role"));
    }

    [Fact]
    public void A_chart_without_iterations_says_none_is_recorded()
    {
        var cut = Render<ConvergenceChart>(p => p.Add(x => x.Points, []));

        Assert.Contains("No iteration has been recorded yet.", cut.Markup);
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void The_iterations_table_shows_each_proposal_and_whether_it_was_pruned_evaluated_or_accepted()
    {
        var cut = Render<IterationsTable>(p => p.Add(x => x.Rows, ChallengerRow.From(Iterations())));

        var rows = cut.FindAll("tr.iteration-row");
        Assert.Equal(4, rows.Count);
        Assert.Contains("outcome-initial", rows[0].ClassName);
        Assert.Contains("initial evaluation", rows[0].TextContent);
        Assert.Contains("auburn 25 · duke 40 · houston 35", rows[0].TextContent);
        Assert.Contains("pruned after screening", rows[1].TextContent);
        Assert.Contains("+5 duke, −5 houston", rows[1].TextContent);
        Assert.Contains("2,000", rows[1].TextContent);
        Assert.Contains("accepted", rows[2].TextContent);
        Assert.Contains("lab-highlight", rows[2].ClassName);
        Assert.Contains("drop auburn (25), new florida (25), +5 duke and 1 more change", rows[2].QuerySelector("summary")!.TextContent);
        Assert.Contains("drop auburn (25), new florida (25), +5 duke, −5 houston", rows[2].TextContent);
        Assert.Contains("$182.75 [$181.25, $184.25]", rows[2].TextContent);
        Assert.Contains("evaluated", rows[3].TextContent);
        Assert.Contains("1 pruned · 1 evaluated · 1 accepted", cut.Markup);
    }

    [Fact]
    public void A_long_iterations_table_pages()
    {
        var many = Enumerable.Range(1, 30).Select(i => new ExperimentIteration(i, InitialBids, Stat(100, 10),
            [new ChallengerResult(0, "shift", BestBids, 100, true, Stat(90, 10), Stat(-10, 5))], null, InitialBids, i, [], i)).ToList();

        var first = Render<IterationsTable>(p => p.Add(x => x.Rows, ChallengerRow.From(many)));
        var last = Render<IterationsTable>(p => p.Add(x => x.Rows, ChallengerRow.From(many)).Add(x => x.Page, 9));

        Assert.Equal(IterationsTable.PageSize, first.FindAll("tr.iteration-row").Count);
        Assert.Contains("Page 1 of 2", first.Markup);
        Assert.Equal(5, last.FindAll("tr.iteration-row").Count);
        Assert.Contains("Page 2 of 2", last.Markup);
    }

    [Fact]
    public void An_iterations_table_before_any_iteration_says_what_is_happening()
    {
        var running = Render<IterationsTable>(p => p.Add(x => x.Rows, []).Add(x => x.Running, true));
        var ended = Render<IterationsTable>(p => p.Add(x => x.Rows, []));

        Assert.Contains("The initial entry is being evaluated", running.Markup);
        Assert.Contains("No iteration was recorded.", ended.Markup);
    }

    [Fact]
    public void The_trace_is_newest_first_in_plain_words_and_filters_by_type()
    {
        var all = Render<EventTrace>(p => p.Add(x => x.Events, Events()).Add(x => x.Live, true));
        var filtered = Render<EventTrace>(p => p.Add(x => x.Events, Events()).Add(x => x.Type, ExperimentEventTypes.IterationStart));

        var rows = all.FindAll("tr.trace-row");
        Assert.Equal(["5", "4", "3", "2", "1"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Contains("Experiment ended: patience exhausted (no accepted challenger for several iterations) after 2 iterations", rows[0].TextContent);
        Assert.Contains("improvement $186.50 [$185.00, $188.00], significant", rows[0].TextContent);
        Assert.Contains("Challenger 0 pruned: mean gain -$1.00, upper bound -$0.40 after 2,000 simulations.", rows[2].TextContent);
        Assert.Contains("Live: new events appear at the top.", all.Find(".trace-status").TextContent);

        var only = filtered.FindAll("tr.trace-row");
        Assert.Equal(2, only.Count);
        Assert.All(only, r => Assert.Equal(ExperimentEventTypes.IterationStart, r.GetAttribute("data-type")));
        Assert.Contains("Showing 2 of 5 events", filtered.Find(".trace-status").TextContent);
    }

    [Fact]
    public void An_empty_trace_says_so()
    {
        var none = Render<EventTrace>(p => p.Add(x => x.Events, []));
        var noneOfType = Render<EventTrace>(p => p.Add(x => x.Events, Events()).Add(x => x.Type, ExperimentEventTypes.IterationAccepted));

        Assert.Contains("No events yet.", none.Markup);
        Assert.Contains("No events of this type yet.", noneOfType.Markup);
    }

    [Fact]
    public void A_cancelled_experiments_end_reads_without_an_improvement() =>
        Assert.Equal("Experiment ended: cancelled after 3 iterations.", ExperimentEventText.Summarize(new ExperimentEvent(
            9, ExperimentEventTypes.ExperimentEnd, null, Created, """{"converged":false,"numIterations":3,"reason":"cancelled"}""")));

    [Fact]
    public void An_event_whose_payload_does_not_read_shows_its_type() =>
        Assert.Equal("ORCH.PRUNE", ExperimentEventText.Summarize(new ExperimentEvent(1, "ORCH.PRUNE", 1, Created, "{}")));

    [Fact]
    public void The_initial_and_best_entries_stand_side_by_side_with_their_bids()
    {
        TournamentTeam Team(string id, string name, int seed) => new(id, name, seed, "South", false, 0, 0, 0, false, null);
        var cut = Render<EntryComparison>(p => p.Add(x => x.Initial, InitialBids).Add(x => x.Best, BestBids)
            .Add(x => x.Teams, [Team("duke", "Duke", 1), Team("florida", "Florida", 1), Team("houston", "Houston", 1), Team("auburn", "Auburn", 1)])
            .Add(x => x.Rules, new PoolRules(100, 3, 10, 1, 50)));

        var rows = cut.FindAll(".entry-comparison tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Duke", "1", "40", "45", "+5"], rows[0]);
        Assert.Equal(["Houston", "1", "35", "30", "−5"], rows[1]);
        Assert.Equal(["Florida", "1", "—", "25", "+25"], rows[2]);
        Assert.Equal(["Auburn", "1", "25", "—", "−25"], rows[3]);
        Assert.Contains("Initial: 3 teams, 100 points · Best: 3 teams, 100 points", cut.Markup);
    }

    [Fact]
    public void The_final_comparison_shows_dollars_the_verdict_the_hindsight_caveat_and_the_best_candidate()
    {
        var cut = Render<FinalComparison>(p => p.Add(x => x.Result, Result()).Add(x => x.ExcludedEntryKey, "P005"));
        var unsure = Render<FinalComparison>(p => p.Add(x => x.Result, Result(significant: false)));

        Assert.Equal("$2.54", cut.Find(".final-initial").TextContent);
        Assert.Equal("$189.04", cut.Find(".final-best").TextContent);
        Assert.Equal("$186.50", cut.Find(".final-gain").TextContent);
        Assert.Contains("Significant improvement", cut.Find(".final-verdict").TextContent);
        Assert.Contains("Hindsight result", cut.Find(".hindsight-note").TextContent);
        Assert.Contains("entry P005 left out", cut.Find(".hindsight-note").TextContent);
        Assert.Contains("/lab/candidates/cand-exp-best", cut.Markup);
        Assert.Contains("/runs/run-exp-1-i2-s0-final", cut.Markup);
        Assert.Contains("Not significant", unsure.Find(".final-verdict").TextContent);
    }
}
