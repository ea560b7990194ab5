using Microsoft.Playwright;

namespace Approval.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots as test artefacts (never committed): under <c>APPROVAL_SCREENSHOTS</c> when set, otherwise
/// <c>TestResults/screenshots</c> next to the test assembly.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Environment.GetEnvironmentVariable("APPROVAL_SCREENSHOTS") is { Length: > 0 } dir
        ? dir : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves the page as <c>{name}-{width}x{height}.png</c> and returns the path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var size = page.ViewportSize!;
        var path = Path.Combine(Directory, $"{name}-{size.Width}x{size.Height}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
