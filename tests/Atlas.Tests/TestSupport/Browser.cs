using Microsoft.Playwright;

namespace Atlas.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright. Never downloads a browser: it uses /usr/bin/chromium,
/// which ./build.sh test installs with apt-get when missing.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files"],
        });
    }

    /// <summary>A new page in a fresh context, optionally at a phone-sized viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    public static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.CloseAsync();
        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BuiltSite>, ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
