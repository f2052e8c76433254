namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>The object, container and setting names agreed for issue 16 (code, manifests and docs rely on them).</summary>
public static class AgreedNames
{
    public const string Namespace = "labsandbox";
    public const string ServiceId = "labsandbox";
    public const string ClusterId = "labsandbox";
    public const string Silo = "labsandbox-silo";
    public const string SiloContainer = "silo";
    public const string Api = "labsandbox-api";
    public const string ApiContainer = "api";
    public const string MigrateJob = "labsandbox-migrate";
    public const string Config = "labsandbox-config";
    public const string DatabaseSecret = "labsandbox-db";
    public const string ConnectionStringKey = "connection-string";
    public const string SiloImage = "labsandbox/silo";
    public const string ApiImage = "labsandbox/api";

    /// <summary>
    /// The Secret prod references but never renders: the operator creates it (docs/deploy.md, "Set the production
    /// Secret"; <see cref="DeployDocTests"/> checks the doc says how).
    /// </summary>
    public static readonly IReadOnlySet<(string Name, string Key)> ProdExternalSecrets =
        new HashSet<(string, string)> { (DatabaseSecret, ConnectionStringKey) };
}
