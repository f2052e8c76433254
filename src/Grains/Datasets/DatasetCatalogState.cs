namespace LabSandbox.Grains.Datasets;

[GenerateSerializer]
public sealed class DatasetCatalogState
{
    [Id(0)] public List<string> TournamentIds { get; set; } = [];

    [Id(1)] public List<string> CalcuttaIds { get; set; } = [];
}
