using Microsoft.Playwright;
using Xunit;

namespace LabSandbox.Browser.Tests.Infrastructure;

/// <summary>
/// One fresh embedded lab and one Chromium (Debian's, offline) shared by the browser collection. Each test opens its
/// own browser context, so cookies and downloads do not leak between tests.
/// </summary>
public sealed class BrowserLab : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps calling Google services this closed network cannot reach.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private LabProcess? lab;

    public LabProcess Lab => lab ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress => Lab.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the test command installs Debian's chromium (apt-get install chromium).");
        }

        lab = await LabProcess.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new page in a new context, at the desktop size (1280×800) unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return (await context.NewPageAsync()).WatchForCspViolations();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (lab is not null)
        {
            await lab.DisposeAsync();
        }
    }
}

/// <summary>The browser tests run alone, one at a time: they share one lab, and the fault tests keep the machine to themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserLab>
{
    public const string Name = "Browser";
}
