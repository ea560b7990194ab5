using Microsoft.Data.Sqlite;

namespace Approval.Web.Hosting;

/// <summary>Finds the <c>workflows/</c> folder: as configured, or the nearest one above the content root or the binaries.</summary>
public static class WorkflowsLocation
{
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(Path.Combine(candidate, "schema"))) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No workflows/ folder found above {contentRoot}; set Approval:WorkflowsDirectory to the folder with the definitions.");
    }
}

/// <summary>Puts a relative SQLite file under the content root, so the product runs the same from any working directory.</summary>
public static class SqliteFile
{
    public static string UnderContentRoot(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
            builder.DataSource = Path.Combine(contentRoot, file);
        return builder.ConnectionString;
    }
}
