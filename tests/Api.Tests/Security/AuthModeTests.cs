using System.Collections.Concurrent;
using System.Net;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// When authentication applies: open only for the embedded default on loopback (said at start), required in client mode
/// or on any other address, and an open mode on a non-loopback address refuses to start.
/// </summary>
public sealed class AuthModeTests
{
    [Theory]
    [InlineData(null, null, null, "loopback-open")]
    [InlineData("embedded", "http://127.0.0.1:5080", null, "loopback-open")]
    [InlineData("embedded", "http://localhost:5080;http://[::1]:5081", null, "loopback-open")]
    [InlineData("embedded", "http://0.0.0.0:5080", null, "required")]
    [InlineData("embedded", "http://127.0.0.1:5080;http://*:5081", null, "required")]
    [InlineData("embedded", "http://+:5080", null, "required")]
    [InlineData("embedded", "http://192.168.1.20:5080", null, "required")]
    [InlineData("embedded", "http://lab.example.org:5080", null, "required")]
    [InlineData("client", "http://127.0.0.1:5080", null, "required")]
    [InlineData("client", "http://127.0.0.1:5080", "loopback-open", "loopback-open")]
    [InlineData("embedded", "http://127.0.0.1:5080", "required", "required")]
    [InlineData("embedded", "http://0.0.0.0:5080", "Required", "required")]
    public void The_mode_defaults_to_open_only_for_the_embedded_api_on_loopback(string? hosting, string? urls, string? configured, string expected)
    {
        var configuration = Configuration(("LabSandbox:Mode", hosting), ("urls", urls), ("LabSandbox:Auth:Mode", configured));

        Assert.Equal(expected, LabAuthSettings.Resolve(configuration).Mode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080")]
    [InlineData("http://my-host:5080")]
    public void An_open_mode_on_a_non_loopback_address_is_refused(string urls)
    {
        var configuration = Configuration(("urls", urls), ("LabSandbox:Auth:Mode", "loopback-open"));

        var error = Assert.Throws<InvalidOperationException>(() => LabAuthSettings.Resolve(configuration));
        Assert.Contains("non-loopback", error.Message);
        Assert.Contains(urls.Split(';')[^1], error.Message);
    }

    [Fact]
    public void An_unknown_mode_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LabAuthSettings.Resolve(Configuration(("LabSandbox:Auth:Mode", "off"))));
        Assert.Contains("'required' or 'loopback-open'", error.Message);
    }

    [Fact]
    public void The_api_refuses_to_start_open_on_0_0_0_0()
    {
        using var factory = new LabApiFactory(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:5080",
            ["LabSandbox:Auth:Mode"] = "loopback-open",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("non-loopback", Flatten(error));
    }

    [Fact]
    public async Task The_default_api_says_at_start_that_it_is_in_local_mode_and_answers_without_a_key()
    {
        var logs = new LogLines();
        await using var factory = new LabApiFactory(services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var http = factory.ClientWith(null);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/tournaments")).StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("local mode, no authentication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_required_api_says_so_at_start_and_refuses_a_request_without_a_key()
    {
        var logs = new LogLines();
        await using var factory = new LabApiFactory(
            new Dictionary<string, string?> { ["LabSandbox:Auth:Mode"] = "required", ["Logging:LogLevel:LabSandbox"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var http = factory.ClientWith(null);

        await SecurityApi.AssertUnauthorizedAsync(await http.GetAsync("/api/v1/tournaments"), null, "no key");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        // A UI page without a session: to the sign-in page, with the parameter that page reads to return here.
        using var page = await http.GetAsync("/runs/new?kind=simulation");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fruns%2Fnew%3Fkind%3Dsimulation", page.Headers.Location!.PathAndQuery);
        Assert.Contains(logs.Lines, l => l.Contains("authentication required", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("local mode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_local_mode_a_request_with_a_bad_key_is_still_refused()
    {
        await using var factory = new LabApiFactory();
        using var http = factory.ClientWith("lsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await SecurityApi.AssertUnauthorizedAsync(await http.GetAsync("/api/v1/tournaments"), "lsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "bad key, local mode");
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static string Flatten(Exception error) => error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);

    private sealed class LogLines : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }
}
