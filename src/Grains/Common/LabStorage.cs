namespace LabSandbox.Grains.Common;

/// <summary>The grain-storage provider every LabSandbox grain persists through.</summary>
public static class LabStorage
{
    public const string Name = "labsandbox";
}
