namespace Approval.Testing;

/// <summary>Finds the repository's folders from the test binaries (the folder that holds Approval.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Workflows => Path.Combine(Root, "workflows");

    /// <summary>Copies a folder and everything under it (tests and benchmarks work on copies of workflows/).</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Approval.sln not found above " + AppContext.BaseDirectory);
    }
}
