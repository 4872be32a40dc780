using ContactCenter.Core.Domain;
using ContactCenter.Core.Usage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactCenter.Data.Configurations;

/// <summary>Participant stays for the usage report (participant-minutes per tag per day).</summary>
internal sealed class UsageRecordConfiguration : IEntityTypeConfiguration<UsageRecord>
{
    public void Configure(EntityTypeBuilder<UsageRecord> builder)
    {
        builder.ToTable("UsageRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.SessionId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ParticipantId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Tag).HasMaxLength(Participant.MaxTagLength).IsRequired();

        // As ticks: SQLite cannot compare DateTimeOffset columns, and the report filters by time range.
        // Every time stored here is UTC, so the ticks order as the times do.
        builder.Property(r => r.JoinedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(r => r.LeftAt).HasConversion(new DateTimeOffsetToBinaryConverter());

        // Usage outlives the sessions and participants it bills: no foreign keys.
        builder.HasIndex(r => r.JoinedAt);
        builder.HasIndex(r => new { r.ParticipantId, r.LeftAt });
    }
}
