using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Tests.Infrastructure;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>The Sandbox catalog lists ids in ordinal order; adding an id again writes nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SandboxCatalogGrainTests(ClusterFixture fixture)
{
    private const string StateName = "sandboxCatalog";

    [Fact]
    public async Task Ids_are_listed_in_ordinal_order_and_adding_twice_writes_once()
    {
        const string Key = "sandbox-test-catalog-order";
        var catalog = fixture.Grains.GetGrain<ISandboxCatalogGrain>(Key);
        string[] ids = ["sc-b", "sc-B", "sc-a", "sc-_x", "sc-10", "sc-9", "sc-a.1", "sc-Z"];

        foreach (var id in ids)
        {
            await catalog.AddSyntheticCalcuttaAsync(id);
        }

        foreach (var id in ids.Reverse())
        {
            await catalog.AddSyntheticCalcuttaAsync(id);
        }

        await catalog.AddCohortAsync("cohort-y");
        await catalog.AddCohortAsync("cohort-X");
        await catalog.AddCohortAsync("cohort-y");

        var listed = await catalog.GetAsync();
        Assert.Equal(["sc-10", "sc-9", "sc-B", "sc-Z", "sc-_x", "sc-a", "sc-a.1", "sc-b"], listed.SyntheticCalcuttaIds);
        Assert.Equal(["cohort-X", "cohort-y"], listed.CohortIds);
        Assert.Equal(ids.Length + 2, fixture.Storage.WritesOf(StateName, Key));
    }

    [Fact]
    public async Task A_catalog_that_holds_nothing_lists_nothing()
    {
        var listed = await fixture.Grains.GetGrain<ISandboxCatalogGrain>("sandbox-test-catalog-empty").GetAsync();
        Assert.Empty(listed.SyntheticCalcuttaIds);
        Assert.Empty(listed.CohortIds);
        Assert.Equal(0, fixture.Storage.WritesOf(StateName, "sandbox-test-catalog-empty"));
    }

    [Fact]
    public async Task Created_synthetic_calcuttas_and_cohorts_are_listed_once()
    {
        const string ScId = "sc-test-catalog-listed";
        const string CohortId = "cohort-test-catalog-listed";
        var sc = fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(ScId);
        SandboxRecords.AssertOk(await sc.CreateAsync(SandboxRecords.Empty()));
        SandboxRecords.AssertOk(await sc.CreateAsync(SandboxRecords.Empty()));
        var cohort = fixture.Grains.GetGrain<ICohortGrain>(CohortId);
        SandboxRecords.AssertOk(await cohort.CreateAsync("Listed", [ScId], SandboxRecords.Settings));
        SandboxRecords.AssertOk(await cohort.CreateAsync("Listed", [ScId], SandboxRecords.Settings));

        var listed = await fixture.Grains.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();
        Assert.Single(listed.SyntheticCalcuttaIds, id => id == ScId);
        Assert.Single(listed.CohortIds, id => id == CohortId);
        Assert.Equal(listed.SyntheticCalcuttaIds.Order(StringComparer.Ordinal), listed.SyntheticCalcuttaIds);
        Assert.Equal(listed.CohortIds.Order(StringComparer.Ordinal), listed.CohortIds);
    }
}
