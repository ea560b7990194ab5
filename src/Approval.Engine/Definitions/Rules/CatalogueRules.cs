namespace Approval.Engine.Definitions;

/// <summary>The catalogue (部门与事项目录): unique ids and codes, known departments, promised limits within the statutory ones.</summary>
internal static class CatalogueRules
{
    public static Dictionary<string, Department> Departments(IReadOnlyList<Department> departments, FileProblems report)
    {
        var byId = new Dictionary<string, Department>(StringComparer.Ordinal);
        for (var i = 0; i < departments.Count; i++)
            if (!byId.TryAdd(departments[i].Id, departments[i]))
                report.Add($"$.departments[{i}].id", $"'{departments[i].Id}' is already the id of another department");
        return byId;
    }

    public static Dictionary<string, Matter> Matters(
        IReadOnlyList<Matter> matters, IReadOnlyDictionary<string, Department>? departments, FileProblems report)
    {
        var byCode = new Dictionary<string, Matter>(StringComparer.Ordinal);
        for (var i = 0; i < matters.Count; i++)
        {
            var (matter, at) = (matters[i], $"$.matters[{i}]");
            if (!byCode.TryAdd(matter.Code, matter))
                report.Add($"{at}.code", $"'{matter.Code}' is already the code of another matter");
            if (departments is not null && !departments.ContainsKey(matter.DepartmentId))
                report.Add($"{at}.department", $"no department '{matter.DepartmentId}' in catalogue/departments.json");
            if (matter.PromisedWorkingDays > matter.StatutoryWorkingDays)
                report.Add($"{at}.promisedWorkingDays",
                    $"the promised limit ({matter.PromisedWorkingDays}) of '{matter.Code}' exceeds its statutory limit ({matter.StatutoryWorkingDays}); a city may only promise less");
            MaterialRules.Check(matter.Materials, $"{at}.materials", report);
        }
        return byCode;
    }
}
