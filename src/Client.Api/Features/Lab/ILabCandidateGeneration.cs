using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>
/// Generates the Lab's candidates for the config in a request body (JSON as sent): the report, or the problems by
/// field. The composition root provides it (see Infrastructure/InProcess) until generation becomes a durable run.
/// </summary>
public interface ILabCandidateGeneration
{
    Task<LabGeneration> GenerateAsync(string requestJson, CancellationToken cancellationToken);
}

/// <summary>What <c>generate</c> did, or — with no report — why the config was refused, by field.</summary>
public sealed record LabGeneration(LabGenerateReport? Report, IReadOnlyDictionary<string, string[]> Errors);
