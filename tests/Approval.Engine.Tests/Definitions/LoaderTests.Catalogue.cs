using System.Text.Json.Nodes;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class LoaderTests
{
    private const string MattersFile = "catalogue/matters.json";
    private const string DepartmentsFile = "catalogue/departments.json";

    [Fact]
    public void Matter_of_an_unknown_department_is_refused()
    {
        var matters = TempWorkflows.Matters();
        matters["matters"]![1]!["department"] = "transport";
        workflows.Write(MattersFile, matters);
        workflows.Write(TempWorkflows.DemoFile, TempWorkflows.Demo());

        workflows.LoadFails().HasOnly(MattersFile, "$.matters[1].department", "no department 'transport'");
    }

    [Fact]
    public void Promised_limit_above_the_statutory_one_is_refused()
    {
        var matters = TempWorkflows.Matters();
        matters["matters"]![1]!["promisedWorkingDays"] = 25;
        workflows.Write(MattersFile, matters);
        workflows.Write(TempWorkflows.DemoFile, TempWorkflows.Demo());

        workflows.LoadFails().HasOnly(MattersFile, "$.matters[1].promisedWorkingDays", "promised limit (25) of 'GH-002' exceeds its statutory limit (20)");
    }

    [Fact]
    public void Department_id_used_twice_is_a_duplicate()
    {
        var departments = TempWorkflows.Departments();
        departments["departments"]!.AsArray().Add(new JsonObject { ["id"] = "housing", ["name"] = "市住房保障中心", ["shortName"] = "住房保障" });
        workflows.Write(DepartmentsFile, departments);
        workflows.Write(TempWorkflows.DemoFile, TempWorkflows.Demo());

        workflows.LoadFails().HasOnly(DepartmentsFile, "$.departments[3].id", "'housing' is already the id of another department");
    }

    [Fact]
    public void Matter_code_used_twice_is_a_duplicate()
    {
        var matters = TempWorkflows.Matters();
        matters["matters"]![2]!["code"] = "GH-001";
        workflows.Write(MattersFile, matters);

        workflows.LoadFails().HasOnly(MattersFile, "$.matters[2].code", "'GH-001' is already the code of another matter");
    }

    [Fact]
    public void Refused_catalogue_file_is_reported_once_not_again_in_every_reference()
    {
        var departments = TempWorkflows.Departments();
        departments["departments"]![1]!.AsObject().Remove("shortName");
        workflows.Write(DepartmentsFile, departments);
        workflows.Write(TempWorkflows.DemoFile, TempWorkflows.Demo());

        workflows.LoadFails().HasOnly(DepartmentsFile, "$.departments[1]", "missing required property 'shortName'");
    }

    [Fact]
    public void Catalogue_file_without_its_list_is_refused()
    {
        workflows.Write(DepartmentsFile, TempWorkflows.Matters());

        workflows.LoadFails().Has(DepartmentsFile, "$", "missing required property 'departments'");
    }
}
