namespace Approval.Engine.Persistence;

/// <summary>Which database to use: the embedded SQLite file by default, PostgreSQL for several nodes.</summary>
public sealed class PersistenceOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; for SQLite, e.g. <c>Data Source=data/approval.db</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=approval.db";
}

/// <summary>The supported database providers.</summary>
public enum DatabaseProvider { Sqlite, Postgres }
