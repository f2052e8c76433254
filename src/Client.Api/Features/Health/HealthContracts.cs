namespace LabSandbox.Api.Features.Health;

/// <summary>A ready API: <c>healthy</c>, and what the cluster has imported.</summary>
public sealed record HealthResponse(string Status, int Tournaments, int Calcuttas);
