namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>The id conventions of imported datasets.</summary>
public static class DatasetIds
{
    public static string Tournament(int year) => $"ncaa-{year}";

    public static string Calcutta(int year) => $"calcutta-{year}";
}
