using Approval.Engine;
using Approval.Web.Components.Pages.My;

namespace Approval.Web.Tests.Pages;

/// <summary>The applicant pages' Chinese for the engine's refusals of a filing that follows another (竣工联合验收 after 施工许可).</summary>
public sealed class ApplicantMessagesTests
{
    [Fact]
    public void A_following_filing_without_a_code_asks_for_the_permits_code()
    {
        var refusal = new InvalidInputException("project.projectCode",
            "Required: 建设工程竣工联合验收 follows 工业建设项目施工许可 (industrial-construction-permit); give the project code of that completed application.");

        Assert.Equal(("projectCode", "本事项须在本单位的工业建设项目施工许可办结后申报，请填写该办件的投资项目统一代码。"),
            ApplicantMessages.Of(refusal, "submit"));
    }

    [Fact]
    public void A_following_filing_whose_code_names_no_completed_permit_says_none_was_found()
    {
        var refusal = new InvalidInputException("project.projectCode",
            "No completed application of 工业建设项目施工许可 (industrial-construction-permit) with project code 2409-320193-89-01-12345X by project unit 'investor-1'; 建设工程竣工联合验收 follows it.");

        Assert.Equal(("projectCode", "未找到本单位以此代码办结的工业建设项目施工许可，请核对该办件的投资项目统一代码。"),
            ApplicantMessages.Of(refusal, "submit"));
    }
}
