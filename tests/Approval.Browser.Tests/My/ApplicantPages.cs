using System.Text.RegularExpressions;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.My;

/// <summary>What the applicant tests share: the checklist, a small PDF, the filing form filled as a person fills it.</summary>
internal static partial class ApplicantPages
{
    public const string Industrial = "industrial-construction-permit";
    public const string Enterprise = "enterprise-establishment";

    /// <summary>A small but real PDF (the upload checks the first bytes against the type).</summary>
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static IReadOnlyList<MaterialRequirement> Checklist(IServiceProvider services, string definitionId) =>
        services.GetRequiredService<DefinitionCatalog>().Latest(definitionId).Intake.Materials;

    /// <summary>A project name no other test uses.</summary>
    public static string UniqueName(string what) => $"{what}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Fills the filing form's project data (the agent picks the demo investor); a null name is left empty.</summary>
    public static async Task FillProjectAsync(IPage page, string? projectName)
    {
        if (projectName is not null) await page.GetByLabel("项目名称").FillAsync(projectName);
        await page.GetByLabel("项目单位").SelectOptionAsync(new SelectOptionValue { Label = DemoData.InvestorName });
        await page.GetByLabel("项目所在地（行政区划代码）").FillAsync("320193");
        await page.GetByLabel("所属行业（国民经济行业代码）").FillAsync("C2651");
        await page.GetByLabel("总投资（万元）").FillAsync("52000");
        await page.GetByLabel("联系人").FillAsync("张伟");
        await page.GetByLabel("联系电话").FillAsync("138 1234 5678");
    }

    /// <summary>Chooses a PDF for each of the given materials of the checklist (by their label, the material's name).</summary>
    public static async Task AttachAsync(IPage page, IEnumerable<MaterialRequirement> materials)
    {
        foreach (var material in materials)
            await page.Locator($"#file-{material.Code}").SetInputFilesAsync(new FilePayload
            {
                Name = material.Code + ".pdf", MimeType = "application/pdf", Buffer = Pdf,
            });
    }

    /// <summary>The projects of the demo investor with this name, read through the engine's reader.</summary>
    public static async Task<List<ProjectInstance>> ProjectsNamedAsync(IServiceProvider services, string name) =>
        (await services.GetRequiredService<ProjectReader>().ForApplicantAsync(new Actor(DemoData.InvestorId, ActorRole.Investor)))
        .Where(p => p.ProjectName == name).ToList();

    /// <summary>The project id in a /my/projects/{id} address.</summary>
    public static Guid IdIn(string url) => Guid.Parse(ProjectUrl().Match(url).Groups[1].Value);

    [GeneratedRegex(@"/my/projects/([0-9a-f-]{36})")]
    public static partial Regex ProjectUrl();
}
