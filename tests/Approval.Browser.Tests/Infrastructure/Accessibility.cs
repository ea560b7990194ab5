using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Infrastructure;

/// <summary>axe-core on a page, WCAG 2.0/2.1 level A and AA rules; no rule is disabled.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag2AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Runs axe on the page as it is now and fails with every violation, its rule, help and elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag2AA);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }
}
