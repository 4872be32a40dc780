using ContactCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Data.Configurations;

internal sealed class ApiCredentialConfiguration : IEntityTypeConfiguration<ApiCredential>
{
    public void Configure(EntityTypeBuilder<ApiCredential> builder)
    {
        builder.ToTable("ApiCredentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Username).HasMaxLength(200).IsRequired();
        builder.Property(c => c.SecretHash).HasMaxLength(512).IsRequired();
        builder.Ignore(c => c.IsActive);

        // The username alone identifies a credential, across accounts.
        builder.HasIndex(c => c.Username).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
