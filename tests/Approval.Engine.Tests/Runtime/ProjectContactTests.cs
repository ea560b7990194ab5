using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// The project unit's contact (联系人、联系电话) is asked at filing, checked by the engine once, kept on the project and
/// correctable by an administrator like the other details.
/// </summary>
public sealed class ProjectContactTests
{
    private const string Enterprise = "enterprise-establishment";
    private static readonly Actor Administrator = new("admin-qian", ActorRole.Administrator, DisplayName: "管理员 钱");

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("+86-13812345678", "13812345678")]
    [InlineData("025-83123456", "025-83123456")]
    [InlineData("0512-6512345", "0512-6512345")]
    [InlineData("010-62751234-801", "010-62751234-801")]
    public void A_mobile_or_a_landline_with_its_area_code_is_a_contact_phone(string given, string stored)
    {
        Assert.True(ContactPhone.TryNormalize(given, out var normalized));
        Assert.Equal(stored, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1381234567")]       // ten digits
    [InlineData("138123456789")]     // twelve
    [InlineData("12812345678")]      // no mobile number starts 12
    [InlineData("83123456")]         // a landline without its area code
    [InlineData("02583123456")]      // area code and number run together: 3 or 4 digits cannot be told apart
    [InlineData("025-03123456")]     // a local number does not start with 0 or 1
    [InlineData("1381234567x")]
    [InlineData("138-1234-5678")]
    public void Anything_else_is_not(string given) => Assert.False(ContactPhone.TryNormalize(given, out _));

    [Fact]
    public async Task A_filing_keeps_the_contact_with_the_phone_as_stored()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var project = Project(" 张伟 ", "+86 139 1234 5678");

        var result = await h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, project, Checklist(h)));

        var filed = await h.LoadAsync(result.InstanceId);
        Assert.Equal(("张伟", "13912345678"), (filed.ContactName, filed.ContactPhone));
    }

    [Fact]
    public async Task A_filing_without_a_contact_or_with_a_wrong_phone_names_both_fields_and_stores_nothing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));

        var missing = await Assert.ThrowsAsync<InvalidInputsException>(() =>
            h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, Project(" ", ""), Checklist(h))));
        var wrong = await Assert.ThrowsAsync<InvalidInputException>(() =>
            h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, Project("张伟", "83123456"), Checklist(h))));

        Assert.Equal(["project.contactName", "project.contactPhone"], missing.Errors.Select(e => e.Field).Order());
        Assert.Equal("project.contactPhone", wrong.Field);
        Assert.Contains("'83123456'", wrong.Message);
        await using var db = h.Database.CreateContext();
        Assert.Empty(db.Instances);
    }

    [Fact]
    public async Task An_administrator_corrects_the_contact_and_the_journal_says_old_and_new()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAndAcceptAsync(Enterprise);

        await h.RunAsync(op => new CorrectProject(op, Administrator, id,
            new ProjectCorrection(ContactName: "李娜", ContactPhone: "025-83123456"), "联系人变更"));
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op => new CorrectProject(op, Administrator, id,
            new ProjectCorrection(ContactPhone: "12345"), "联系电话变更")));

        var corrected = await h.LoadAsync(id);
        Assert.Equal(("李娜", "025-83123456"), (corrected.ContactName, corrected.ContactPhone));
        Assert.Equal("联系人：张伟 → 李娜；联系电话：13812345678 → 025-83123456；理由：联系人变更", (await h.JournalAsync(id))[^1].Reasons);
        Assert.Equal("contactPhone", refused.Field);
    }

    private static ProjectDetails Project(string contactName, string contactPhone) =>
        new("年产10万吨新材料项目", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, null, contactName, contactPhone);

    private static List<string> Checklist(EngineHarness h) => h.Engine.Catalog.Latest(Enterprise).Intake.Materials.Select(m => m.Code).ToList();
}
