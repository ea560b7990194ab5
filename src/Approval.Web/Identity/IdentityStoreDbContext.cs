using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Identity;

/// <summary>
/// The Identity tables, in the same database as the engine's but with their own migrations history, so that the
/// engine stays free of ASP.NET Core. One subclass per provider, each finding its own migrations (Migrations/Sqlite, Migrations/Postgres).
/// </summary>
public abstract class IdentityStoreDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public const string HistoryTable = "__IdentityMigrationsHistory";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.Property(x => x.DepartmentId).HasMaxLength(100);
            u.Property(x => x.InvestorId).HasMaxLength(100);
        });
    }
}

/// <summary>Identity on SQLite.</summary>
public sealed class SqliteIdentityStoreDbContext(DbContextOptions<SqliteIdentityStoreDbContext> options) : IdentityStoreDbContext(options);

/// <summary>Identity on PostgreSQL.</summary>
public sealed class PostgresIdentityStoreDbContext(DbContextOptions<PostgresIdentityStoreDbContext> options) : IdentityStoreDbContext(options);
