using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using Orleans.Concurrency;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// Validates and pins an experiment request (<see cref="ExperimentPlanner"/>), then creates the experiment and its
/// driver run. Stateless: a rejected request changes nothing, so activations plan side by side.
/// </summary>
[StatelessWorker]
public sealed class ExperimentFactoryGrain : Grain, IExperimentFactoryGrain
{
    public async Task<ExperimentCreation> CreateAsync(string requestJson)
    {
        var body = JsonNode.Parse(requestJson)!.AsObject();
        var reader = new RequestReader(body);
        var experimentId = reader.IdOrDerived("experimentId", "exp");
        body.Remove("experimentId");
        var plan = await ExperimentPlanner.PlanAsync(body, GrainFactory);
        if (reader.HasErrors || plan.Config is not { } config)
        {
            var errors = plan.Errors.ToDictionary();
            foreach (var (field, messages) in reader.Errors)
            {
                errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
            }

            return new ExperimentCreation(ExperimentCreationOutcome.Invalid, null, errors);
        }

        var created = await GrainFactory.GetGrain<IExperimentGrain>(experimentId).CreateAsync(plan.Name, config);
        return created.Outcome == CommandOutcome.Accepted && created.Snapshot is { } experiment
            ? new ExperimentCreation(ExperimentCreationOutcome.Created, experiment, new Dictionary<string, string[]>())
            : new ExperimentCreation(ExperimentCreationOutcome.Conflict, null, new Dictionary<string, string[]>(),
                created.Reason ?? $"Experiment '{experimentId}' already exists with another config.");
    }
}
