using System.Globalization;
using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime.Commands;

namespace Approval.Engine.Runtime;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Applies an administrator's correction of a project's details (更正项目信息), validated as a filing is, and
    /// journals every changed field with its old and new value and the reason.
    /// </summary>
    private static void Correct(StepContext step, CorrectProject command)
    {
        if (command.Actor.Role != ActorRole.Administrator)
            throw new ForbiddenException("Only an administrator corrects a project's details.");
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) throw new InvalidInputException("reason", "Required: why the project is corrected.");
        if (reason.Length > 400) throw new InvalidInputException("reason", $"At most 400 characters; given {reason.Length}.");

        var project = step.Instance;
        var c = command.Correction;
        var changes = new List<string>();
        if (c.ProjectName is { } name) Change("项目名称", project.ProjectName, Checked(name, "projectName", 200), v => project.ProjectName = v);
        if (c.InvestorName is { } investor) Change("项目单位", project.InvestorName, Checked(investor, "investorName", 200), v => project.InvestorName = v);
        if (c.Division is { } division) Change("行政区划", project.Division, Checked(division, "division", 12), v => project.Division = v);
        if (c.Industry is { } industry) Change("行业", project.Industry, Checked(industry, "industry", 100), v => project.Industry = v);
        if (c.ContactName is { } contact) Change("联系人", project.ContactName ?? "", Checked(contact, "contactName", 50), v => project.ContactName = v);
        if (c.ContactPhone is { } phone)
        {
            if (!ContactPhone.TryNormalize(phone, out var normalized))
                throw new InvalidInputException("contactPhone", ContactPhone.Expected(phone));
            Change("联系电话", project.ContactPhone ?? "", normalized, v => project.ContactPhone = v);
        }
        if (c.InvestmentAmount is { } amount)
        {
            if (amount is < 0 or > 100_000_000m)
                throw new InvalidInputException("investmentAmount", $"Investment (万元) must be between 0 and 100,000,000; given {amount}.");
            if (amount != project.InvestmentAmount)
                changes.Add($"总投资（万元）：{Amount(project.InvestmentAmount)} → {Amount(amount)}");
            project.InvestmentAmount = amount;
        }
        if (changes.Count == 0)
            throw new InvalidInputException("correction", "Nothing to correct: give at least one field whose value differs from the recorded one.");
        step.Record(JournalEvents.ProjectCorrected, reasons: $"{string.Join("；", changes)}；理由：{reason}");

        void Change(string label, string old, string value, Action<string> set)
        {
            if (value == old) return;
            changes.Add($"{label}：{old} → {value}");
            set(value);
        }
    }

    // Amounts have two decimals at most (the column's scale); SQLite may give 52000 back as 52000.0.
    private static string Amount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Checked(string value, string field, int maxLength)
    {
        Require(value, field, maxLength);
        return value.Trim();
    }
}
