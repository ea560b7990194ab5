namespace Approval.Testing;

/// <summary>Finds the repository's folders from the test binaries (the folder that holds Approval.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Workflows => Path.Combine(Root, "workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Approval.sln not found above " + AppContext.BaseDirectory);
    }
}
