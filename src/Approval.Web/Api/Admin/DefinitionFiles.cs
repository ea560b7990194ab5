using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Web.Api.Admin;

/// <summary>A definition version found on disk, and whether this process has one with that id and version loaded (contents are not compared).</summary>
public sealed record DefinitionFile(string Id, int Version, string Name, bool Loaded);

/// <summary>What the workflow files on disk hold now: the definitions when every file is valid, else every problem.</summary>
public sealed record DefinitionFilesReport(bool Valid, IReadOnlyList<DefinitionFile> Definitions, IReadOnlyList<DefinitionProblem> Problems);

/// <summary>
/// Validates the files under <c>workflows/</c> as they are on disk now (定义校验), for the administrator's API and page
/// alike. Nothing is swapped in: definitions are loaded once at start, so a valid set takes effect after a restart.
/// </summary>
public sealed class DefinitionFiles(EngineOptions options, DefinitionCatalog running)
{
    public DefinitionFilesReport Validate()
    {
        try
        {
            var onDisk = DefinitionLoader.Load(options.WorkflowsDirectory);
            return new DefinitionFilesReport(true, onDisk.Definitions.Select(d => new DefinitionFile(d.Id, d.Version, d.Name,
                running.Definitions.Any(r => r.Id == d.Id && r.Version == d.Version))).ToList(), []);
        }
        catch (DefinitionValidationException e)
        {
            return new DefinitionFilesReport(false, [], e.Problems);
        }
    }
}
