using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class LoaderTests
{
    [Fact]
    public void File_named_for_another_id_is_refused()
    {
        workflows.Write("other.v1.json", TempWorkflows.Demo());

        workflows.LoadFails().HasOnly("other.v1.json", "$.id", "the file is named for 'other' but the id is 'demo'");
    }

    [Fact]
    public void File_named_for_another_version_is_refused()
    {
        workflows.Write("demo.v2.json", TempWorkflows.Demo(version: 1));

        workflows.LoadFails().HasOnly("demo.v2.json", "$.version", "the file is named for version 2 but the version is 1");
    }

    [Fact]
    public void File_name_without_a_version_is_refused()
    {
        workflows.Write("demo.json", TempWorkflows.Demo());

        workflows.LoadFails().HasOnly("demo.json", "$", "the file name must be <id>.v<version>.json, here demo.v1.json");
    }

    [Fact]
    public void Two_files_with_the_same_id_and_version_are_refused()
    {
        workflows.Write("demo.v01.json", TempWorkflows.Demo());
        workflows.Write("demo.v1.json", TempWorkflows.Demo());

        workflows.LoadFails().HasOnly("demo.v1.json", "$", "demo@v1 is already defined by demo.v01.json");
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_with_its_position()
    {
        workflows.Write(TempWorkflows.DemoFile, "{ \"id\": \"demo\"\n  \"version\": 1 }");

        workflows.LoadFails().HasOnly(TempWorkflows.DemoFile, "$", "not valid JSON: '\"' is invalid after a value");
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_in_hand_edited_files()
    {
        var text = TempWorkflows.Demo().ToJsonString().Replace("\"flow\":", "// one edge per line\n\"flow\":").Replace("}]}", "},]}");
        workflows.Write(TempWorkflows.DemoFile, text);

        Assert.Equal(1, workflows.Load().Latest("demo").Version);
    }

    [Fact]
    public void Every_problem_of_every_file_is_listed_one_per_line()
    {
        var first = TempWorkflows.Demo();
        first["targetWorkingDays"] = 11;
        workflows.Write(TempWorkflows.DemoFile, first);
        var second = TempWorkflows.Demo(version: 2);
        second["activities"]![1]!["departments"]![0] = "planing";
        second["flow"]![0]!["to"] = "reveiw";
        workflows.Write("demo.v2.json", second);

        var refusal = workflows.LoadFails();

        Assert.Equal(refusal.Problems.Select(p => $"{p.File}: {p.JsonPath}: {p.Message}"), refusal.Message.Split('\n'));
        Assert.Equal(
            ["demo.v1.json: $.targetWorkingDays", "demo.v2.json: $.flow[0].to", "demo.v2.json: $.flow", "demo.v2.json: $.activities[1].departments[0]"],
            refusal.Problems.Select(p => $"{p.File}: {p.JsonPath}"));
    }

    [Fact]
    public void Missing_schema_stops_the_load_with_its_name()
    {
        File.Delete(Path.Combine(workflows.Folder, "schema", "workflow.schema.json"));

        workflows.LoadFails().HasOnly("schema/workflow.schema.json", "$", "file not found");
    }

    [Fact]
    public void Missing_directory_is_refused()
    {
        var missing = Path.Combine(workflows.Folder, "nowhere");

        var refusal = Assert.Throws<DefinitionValidationException>(() => DefinitionLoader.Load(missing));

        Assert.Equal($"{missing}: $: the workflows directory does not exist", refusal.Message);
    }
}
