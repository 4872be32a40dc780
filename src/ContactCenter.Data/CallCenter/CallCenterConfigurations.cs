using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Data.CallCenter;

internal sealed class CallRowConfiguration : IEntityTypeConfiguration<CallRow>
{
    public void Configure(EntityTypeBuilder<CallRow> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.CallId);
        builder.Property(c => c.CallId).HasMaxLength(64);
        builder.Property(c => c.CustomerParticipantId).HasMaxLength(64);
        builder.Property(c => c.CustomerName).HasMaxLength(200);
        builder.Property(c => c.CustomerTag).HasMaxLength(256);
        builder.Property(c => c.OfferedTo).HasMaxLength(450);
        builder.Property(c => c.CustomerResumeHash).HasMaxLength(64);
        builder.Property(c => c.CallerKey).HasMaxLength(80);
        builder.Property(c => c.DispositionCodeId).HasMaxLength(64);
        builder.Property(c => c.DispositionNote).HasMaxLength(1000);
        builder.Property(c => c.DispositionBy).HasMaxLength(256);

        // Start-up loads the calls that have not ended; the history stays (no foreign key to Sessions).
        builder.HasIndex(c => c.EndedAt);

        // The desk reads a caller's earlier calls; the wallboard and the supervisor's history read today's calls.
        builder.HasIndex(c => c.CallerKey);
        builder.HasIndex(c => c.WaitingTicks);
    }
}

internal sealed class DispositionCodeRowConfiguration : IEntityTypeConfiguration<DispositionCodeRow>
{
    public void Configure(EntityTypeBuilder<DispositionCodeRow> builder)
    {
        builder.ToTable("DispositionCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Label).HasMaxLength(60);
    }
}

internal sealed class DeskSettingRowConfiguration : IEntityTypeConfiguration<DeskSettingRow>
{
    public void Configure(EntityTypeBuilder<DeskSettingRow> builder)
    {
        builder.ToTable("DeskSettings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(256);
    }
}

internal sealed class CallMemberRowConfiguration : IEntityTypeConfiguration<CallMemberRow>
{
    public void Configure(EntityTypeBuilder<CallMemberRow> builder)
    {
        builder.ToTable("CallMembers");
        builder.HasKey(m => m.ParticipantId);
        builder.Property(m => m.ParticipantId).HasMaxLength(64);
        builder.Property(m => m.CallId).HasMaxLength(64);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(256);
        builder.HasIndex(m => m.CallId);
    }
}

internal sealed class AgentStateRowConfiguration : IEntityTypeConfiguration<AgentStateRow>
{
    public void Configure(EntityTypeBuilder<AgentStateRow> builder)
    {
        builder.ToTable("AgentStates");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.CallId).HasMaxLength(64);
    }
}
