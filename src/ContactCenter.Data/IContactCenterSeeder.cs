namespace ContactCenter.Data;

/// <summary>Runs once at start-up, right after the migrations, in its own scope (e.g. the bootstrap account).</summary>
public interface IContactCenterSeeder
{
    Task SeedAsync(ContactCenterDbContext db, CancellationToken ct);
}
