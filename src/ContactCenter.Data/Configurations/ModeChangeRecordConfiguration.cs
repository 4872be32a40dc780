using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Data.Configurations;

internal sealed class ModeChangeRecordConfiguration : IEntityTypeConfiguration<ModeChangeRecord>
{
    public void Configure(EntityTypeBuilder<ModeChangeRecord> builder)
    {
        builder.ToTable("ModeChanges");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.AccountId).HasMaxLength(64);
        builder.Property(r => r.SessionId).HasMaxLength(64);
        builder.Property(r => r.FromMode).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.ToMode).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Actor).HasMaxLength(200);

        // The audit outlives the session it describes: no foreign key to Sessions.
        builder.HasIndex(r => new { r.AccountId, r.SessionId });
    }
}
