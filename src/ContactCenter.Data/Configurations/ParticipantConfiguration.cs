using ContactCenter.Core.Domain;
using ContactCenter.Data.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Data.Configurations;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Tag).HasMaxLength(Participant.MaxTagLength);
        builder.Property(p => p.CallbackUrl).HasMaxLength(2048);
        builder.Property(p => p.DeviceApiVersion).HasMaxLength(8).IsRequired();
        builder.Property(p => p.SessionId).HasMaxLength(64);

        // Both are small value objects read and written whole: JSON text keeps them in the participant's row.
        builder.Property(p => p.PublishPermissions)
            .HasConversion(DomainJson.PublishPermissionsConverter, DomainJson.PublishPermissionsComparer)
            .HasColumnName("PublishPermissions")
            .IsRequired();
        builder.Property(p => p.Subscriptions)
            .HasConversion(DomainJson.SubscriptionsConverter, DomainJson.SubscriptionsComparer)
            .HasColumnName("Subscriptions")
            .IsRequired();

        builder.HasIndex(p => p.AccountId);
        builder.HasIndex(p => p.SessionId);
        builder.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);

        // A deleted session leaves its former members in no session rather than pointing nowhere.
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}
