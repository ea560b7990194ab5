namespace Approval.Engine.Tests.Definitions;

/// <summary>Finds the checked-out repository from the test binaries, wherever the build put them.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no Approval.sln above {AppContext.BaseDirectory}");
    }
}
