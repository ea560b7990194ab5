using System.Globalization;
using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Web.Api;
using Approval.Web.Components.Pages.Tasks;

namespace Approval.Web.Tests.Pages;

/// <summary>The approver pages say in Chinese, next to the right input, what the shared checks and the engine refuse.</summary>
public sealed class TaskMessagesTests
{
    private static readonly Dictionary<string, TaskField> Fields = new()
    {
        ["decision"] = new("decision-choice", "审批结论", Chosen: true),
        ["items"] = new("decision-items", "补正内容"),
        ["comment"] = new("opinion-comment", "说明"),
        ["workingDays"] = new("extension-days", "延长的工作日数"),
    };

    private static (string FieldId, string Message) Single(Action check)
    {
        var e = Assert.ThrowsAny<InvalidInputException>(check);
        return Assert.Single(TaskMessages.Of(e, Fields, "submit"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void A_missing_text_or_choice_asks_for_it_in_either_culture_of_the_shared_checks(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(("decision-choice", "请选择审批结论。"),
                Single(() => RequestInput.Defined<Engine.Runtime.Commands.MatterDecision>(null, "decision")));
            Assert.Equal(("decision-items", "请填写补正内容。"), Single(() => RequestInput.Items(["", " "], "items", required: true)));
            Assert.Equal(("opinion-comment", "说明最多 1000 个字，现有 1001 个。"),
                Single(() => RequestInput.Text(new string('字', 1001), "comment", required: false)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Item_limits_are_said_with_the_numbers_of_the_refusal()
    {
        Assert.Equal(("decision-items", "补正内容每项最多 200 个字，有一项 201 个字。"),
            Single(() => RequestInput.Items([new string('字', 201)], "items", required: true)));
        Assert.Equal(("decision-items", "补正内容最多 20 项，现有 21 项。"),
            Single(() => RequestInput.Items([.. Enumerable.Repeat("一项", 21)], "items", required: true)));
    }

    [Fact]
    public void The_engines_range_and_several_refusals_at_once_each_go_to_their_input()
    {
        var errors = new InputErrors();
        errors.Add(new InvalidInputException("workingDays", "An extension is 1 to 60 working days; given 0."));
        errors.Add(new InvalidInputException("items[3]", "A correction request must list what to correct."));
        var e = Assert.ThrowsAny<InvalidInputException>(errors.ThrowIfAny);

        Assert.Equal(
            [("extension-days", "延长的工作日数须为 1 至 60 之间的整数。"), ("decision-items", "请填写补正内容。")],
            TaskMessages.Of(e, Fields, "submit").ToList());
    }

    [Fact]
    public void A_refusal_of_the_action_is_said_in_chinese()
    {
        Assert.Equal("本事项已有一份延期申请等待电子监察审核。",
            TaskMessages.OfRefusal(new ConflictException("An extension request for this matter is already waiting for a supervisor.")));
        Assert.Equal("办件的状态已经变化，这项操作现在不能办理。请刷新页面查看最新情况。",
            TaskMessages.OfRefusal(new ConflictException("The task is no longer open.")));
    }
}
