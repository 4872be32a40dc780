using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data;

/// <summary>
/// The same model on PostgreSQL. A separate type only so that EF picks the PostgreSQL migrations
/// (Migrations/Postgres) instead of the SQLite ones: a migration carries provider-specific column types.
/// </summary>
public sealed class PostgresContactCenterDbContext : ContactCenterDbContext
{
    public PostgresContactCenterDbContext(DbContextOptions<PostgresContactCenterDbContext> options)
        : base(options)
    {
    }
}
