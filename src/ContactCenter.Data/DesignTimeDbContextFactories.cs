using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ContactCenter.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<ContactCenterDbContext>
{
    public ContactCenterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ContactCenterDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new ContactCenterDbContext(options.Options);
    }
}

/// <summary>The PostgreSQL model for <c>dotnet ef migrations add … --context PostgresContactCenterDbContext</c>; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContactCenterDbContext>
{
    public PostgresContactCenterDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresContactCenterDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=contactcenter;Username=contactcenter");
        return new PostgresContactCenterDbContext(options.Options);
    }
}
