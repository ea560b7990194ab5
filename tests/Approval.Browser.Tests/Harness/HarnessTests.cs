using Approval.Browser.Tests.Infrastructure;

namespace Approval.Browser.Tests.Harness;

/// <summary>The harness itself: the product answers over real HTTP on loopback and the browser renders Chinese.</summary>
public sealed class HarnessTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public void Product_listens_on_a_loopback_port()
    {
        Assert.StartsWith("http://127.0.0.1:", Product.BaseUrl);
    }

    [Fact]
    public async Task Home_page_opens_in_Chinese_with_the_zh_CN_locale()
    {
        var page = await OpenAsync("/");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => navigator.language"));
        Assert.Contains("投资项目并联审批", await page.TitleAsync());
        // The stylesheet came through MapStaticAssets (the fingerprinted address resolves).
        Assert.True(await page.EvaluateAsync<bool>("() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 20"));
    }
}
