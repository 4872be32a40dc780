using ContactCenter.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Data;

/// <summary>
/// The one database of ContactCenter: REST accounts and credentials, sessions, participants, and (through
/// <see cref="IdentityDbContext"/>) the UI's users and roles, so that there is a single migration chain.
/// SQLite uses this type; PostgreSQL uses <see cref="PostgresContactCenterDbContext"/>, which carries its own
/// migrations because column types differ between the providers.
/// </summary>
public class ContactCenterDbContext : IdentityDbContext, IDataProtectionKeyContext
{
    public ContactCenterDbContext(DbContextOptions<ContactCenterDbContext> options)
        : base(options)
    {
    }

    protected ContactCenterDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ApiCredential> ApiCredentials => Set<ApiCredential>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Participant> Participants => Set<Participant>();

    internal DbSet<ModeChangeRecord> ModeChanges => Set<ModeChangeRecord>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every node of a cluster (sign-in cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ContactCenterDbContext).Assembly);
    }
}
