using ContactCenter.Core.CallModes;
using ContactCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Tag).HasMaxLength(Participant.MaxTagLength);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(s => s.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
