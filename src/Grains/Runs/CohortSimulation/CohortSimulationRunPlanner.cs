using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.CohortSimulation;

/// <summary>
/// Validates <c>{cohortId}</c> and pins every member's current version by digest: an unchanged cohort is the same spec,
/// so the same spec-derived run, and an edited member makes a new one. An unknown cohort is an error on <c>cohortId</c>,
/// a member that does not exist one on <c>members.{id}</c>.
/// </summary>
public sealed class CohortSimulationRunPlanner : IRunPlanner
{
    public string Kind => RunKinds.CohortSimulation;

    public async Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var cohortId = reader.RequiredString("cohortId");
        reader.RejectUnknownFields();
        if (reader.HasErrors)
        {
            return RunPlan.Invalid(reader.Errors);
        }

        if (await grains.GetGrain<ICohortGrain>(cohortId!).GetAsync() is not { } cohort)
        {
            reader.Error("cohortId", $"Cohort '{cohortId}' does not exist.");
            return RunPlan.Invalid(reader.Errors);
        }

        var members = new List<CohortPinnedMember>();
        foreach (var member in cohort.Members)
        {
            if (await grains.GetGrain<ISyntheticCalcuttaGrain>(member).GetAsync() is { } synthetic)
            {
                members.Add(new CohortPinnedMember(member, synthetic.Digest));
            }
            else
            {
                reader.Error($"members.{member}", $"Synthetic calcutta '{member}' does not exist.");
            }
        }

        if (reader.HasErrors)
        {
            return RunPlan.Invalid(reader.Errors);
        }

        var json = CanonicalJson.Serialize(new CohortSimulationParams(cohort.CohortId, cohort.Settings, members));
        return RunPlan.Valid(new RunSpec(
            Kind, json, ContentDigest.Hex(json), members.Select(m => new DatasetRef(DatasetKinds.SyntheticCalcutta, m.SyntheticCalcuttaId, m.Digest)).ToList(),
            [], cohort.Settings.Seed, $"{CohortSimulationParams.Version}+{SimulationKernel.EngineVersion}"));
    }
}
