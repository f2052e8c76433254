namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>One embedded-default API (in-memory storage) per test class.</summary>
public sealed class EmbeddedApiFixture : IAsyncDisposable
{
    public EmbeddedApiFixture()
    {
        Factory = new LabApiFactory();
        Http = Factory.CreateClient();
    }

    public LabApiFactory Factory { get; }

    public HttpClient Http { get; }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
    }
}
