using Approval.Engine.Persistence;
using Microsoft.Data.Sqlite;

namespace Approval.Testing.Persistence;

/// <summary>
/// A SQLite database file of one test's own in the temp folder, deleted (with its WAL files) when disposed.
/// </summary>
/// <remarks>
/// <code>
/// using var file = new SqliteDatabaseFile();
/// await using var database = new ApprovalDatabase(file.Options);
/// </code>
/// Dispose the <see cref="ApprovalDatabase"/> first: the file is deleted after the connection pools are cleared.
/// </remarks>
public sealed class SqliteDatabaseFile : IDisposable, IAsyncDisposable
{
    /// <summary>The file's full path; it does not exist until something connects.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"approval-test-{Guid.NewGuid():N}.db");

    /// <summary>Connects to this file.</summary>
    public string ConnectionString => $"Data Source={Path}";

    /// <summary>Options for an <see cref="ApprovalDatabase"/> on this file.</summary>
    public PersistenceOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString };

    public void Dispose()
    {
        // Pooled connections keep the file open; clearing every pool only closes idle connections, so other tests are unharmed.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(Path + suffix); }
            catch (IOException) { } // a leftover temp file is no reason to fail a test
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
