using System.Text.Json.Nodes;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Grains.Lab;

namespace LabSandbox.Api.Infrastructure.InProcess;

/// <summary>
/// <see cref="ILabCandidateGeneration"/> as it has always run: the generator orchestrates the runs from the API
/// process. Interim, kept out of Features: generation is becoming a durable run kind (<c>lab_generation</c>).
/// </summary>
public sealed class InProcessLabCandidateGeneration(LabCandidateGenerator generator) : ILabCandidateGeneration
{
    public async Task<LabGeneration> GenerateAsync(string requestJson, CancellationToken cancellationToken)
    {
        var (config, errors) = LabConfigs.Read(JsonNode.Parse(requestJson)!.AsObject());
        return config is null
            ? new LabGeneration(null, errors)
            : new LabGeneration(await generator.GenerateAsync(config, cancellationToken), errors);
    }
}
