using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Testing;

namespace Approval.Engine.Tests.Definitions;

/// <summary>
/// A throw-away workflows directory: the shipped schemas, a small catalogue of its own, and whatever definition
/// files a test writes, so that each test breaks exactly one thing of a definition known to be valid.
/// </summary>
internal sealed class TempWorkflows : IDisposable
{
    public const string DemoFile = "demo.v1.json";

    public TempWorkflows()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "schema"));
        foreach (var schema in new[] { "workflow.schema.json", "catalogue.schema.json" })
            File.Copy(Path.Combine(RepositoryPaths.Workflows, "schema", schema), Path.Combine(Folder, "schema", schema));
        Write("catalogue/departments.json", Departments());
        Write("catalogue/matters.json", Matters());
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"approval-definitions-{Guid.NewGuid():N}");

    /// <summary>A valid definition: stage budgets 2 + 1 + 8 + 1 = the target 12; GH-001 (5) then ZJ-001 (3) fill the 8.</summary>
    public static JsonObject Demo(int version = 1) => JsonNode.Parse($$"""
        {
          "$schema": "schema/workflow.schema.json",
          "id": "demo", "version": {{version}}, "name": "演示流程", "targetWorkingDays": 12,
          "activities": [
            { "id": "intake", "type": "OneWindowIntake", "name": "一窗受理", "budgetWorkingDays": 5, "maxDeficiencyWorkingDays": 5,
              "materials": [
                { "code": "application", "name": "申请表", "required": true },
                { "code": "site-plan", "name": "宗地图", "required": true, "deficiencyAllowed": true } ] },
            { "id": "review", "type": "JointPreReview", "name": "联合预审", "budgetWorkingDays": 2, "departments": ["planning", "housing"] },
            { "id": "survey", "type": "CombinedSiteSurvey", "name": "集中踏勘", "budgetWorkingDays": 1, "departments": ["planning"], "absence": "Blocks" },
            { "id": "approvals", "type": "ParallelApprovals", "name": "并联审批", "budgetWorkingDays": 8, "onRejection": "RejectProject",
              "matters": [ { "matter": "GH-001" }, { "matter": "ZJ-001", "after": ["GH-001"] } ] },
            { "id": "completion", "type": "DeadlineCompletion", "name": "限时办结", "budgetWorkingDays": 1 }
          ],
          "flow": [
            { "from": "intake", "to": "review" }, { "from": "review", "to": "survey" },
            { "from": "survey", "to": "approvals" }, { "from": "approvals", "to": "completion" }
          ]
        }
        """)!.AsObject();

    public static JsonObject Departments() => JsonNode.Parse("""
        { "$schema": "../schema/catalogue.schema.json", "departments": [
            { "id": "window", "name": "市政务服务中心", "shortName": "政务服务" },
            { "id": "planning", "name": "市自然资源和规划局", "shortName": "自然资源和规划" },
            { "id": "housing", "name": "市住房和城乡建设局", "shortName": "住房和城乡建设" } ] }
        """)!.AsObject();

    public static JsonObject Matters() => JsonNode.Parse("""
        { "$schema": "../schema/catalogue.schema.json", "matters": [
            { "code": "GH-001", "name": "建设工程规划许可证核发", "department": "planning", "legalBasis": "《中华人民共和国城乡规划法》第四十条",
              "materials": [ { "code": "design-scheme", "name": "设计方案", "required": true } ],
              "statutoryWorkingDays": 20, "promisedWorkingDays": 5, "fees": "不收费" },
            { "code": "GH-002", "name": "建设用地规划许可证核发", "department": "planning", "legalBasis": "《中华人民共和国城乡规划法》第三十八条",
              "materials": [ { "code": "land-contract", "name": "出让合同", "required": true } ],
              "statutoryWorkingDays": 20, "promisedWorkingDays": 5, "fees": "不收费" },
            { "code": "ZJ-001", "name": "建筑工程施工许可证核发", "department": "housing", "legalBasis": "《中华人民共和国建筑法》第八条",
              "materials": [ { "code": "contract", "name": "施工合同", "required": true, "deficiencyAllowed": true } ],
              "statutoryWorkingDays": 7, "promisedWorkingDays": 3, "fees": "不收费" } ] }
        """)!.AsObject();

    public void Write(string relativePath, JsonNode document) => Write(relativePath, document.ToJsonString());

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public DefinitionCatalog Load() => DefinitionLoader.Load(Folder);

    public DefinitionValidationException LoadFails() => Assert.Throws<DefinitionValidationException>(() => DefinitionLoader.Load(Folder));

    /// <summary>Writes <paramref name="definition"/> as demo.v1.json and returns the refusal.</summary>
    public DefinitionValidationException Refuses(JsonObject definition)
    {
        Write(DemoFile, definition);
        return LoadFails();
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}
