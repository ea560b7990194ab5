using System.Text;
using Xunit;

namespace Approval.Testing.Persistence;

/// <summary>Compares two schema descriptions and, when they differ, fails with only the differing lines.</summary>
public static class SchemaAssert
{
    /// <param name="model">The schema <c>EnsureCreated</c> builds from the model.</param>
    /// <param name="migrated">The schema the migrations build.</param>
    public static void Same(IReadOnlyList<string> model, IReadOnlyList<string> migrated)
    {
        var missing = model.Except(migrated, StringComparer.Ordinal).ToList();
        var extra = migrated.Except(model, StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0 && model.Count == migrated.Count) return;

        var message = new StringBuilder()
            .AppendLine("The migrations do not build the schema the model defines.")
            .AppendLine("  - in the model (EnsureCreated), not built by the migrations")
            .AppendLine("  + built by the migrations, not in the model");
        foreach (var line in missing.Select(l => "- " + l).Concat(extra.Select(l => "+ " + l))
            .OrderBy(l => l[2..], StringComparer.Ordinal).ThenByDescending(l => l[0]))
            message.Append("    ").AppendLine(line);
        message.Append("Add a migration for the difference with `dotnet ef migrations add`, for each provider (README, Migrations).");
        Assert.Fail(message.ToString());
    }
}
