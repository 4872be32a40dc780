using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Core.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactCenter.Data.Json;

/// <summary>
/// How the participant's value objects are stored: JSON text in Bandwidth's wire shape
/// (<c>["AUDIO","VIDEO"]</c>, <c>{"sessionId":…,"participants":[{"participantId":…,"streamAliases":[…]}]}</c>).
/// </summary>
internal static class DomainJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static ValueConverter<IReadOnlyList<PublishPermission>, string> PublishPermissionsConverter { get; } = new(
        v => SerializePermissions(v),
        v => DeserializePermissions(v));

    public static ValueComparer<IReadOnlyList<PublishPermission>> PublishPermissionsComparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(17, (h, p) => (h * 31) + (int)p),
        v => v.ToList());

    public static ValueConverter<Subscriptions, string> SubscriptionsConverter { get; } = new(
        v => SerializeSubscriptions(v),
        v => DeserializeSubscriptions(v));

    // Subscriptions is an immutable record whose lists compare by reference; compare the stored form instead.
    public static ValueComparer<Subscriptions> SubscriptionsComparer { get; } = new(
        (a, b) => SerializeSubscriptions(a!) == SerializeSubscriptions(b!),
        v => SerializeSubscriptions(v).GetHashCode(StringComparison.Ordinal),
        v => v);

    public static string SerializePermissions(IReadOnlyList<PublishPermission> permissions) =>
        JsonSerializer.Serialize(permissions, s_options);

    public static IReadOnlyList<PublishPermission> DeserializePermissions(string json) =>
        JsonSerializer.Deserialize<List<PublishPermission>>(json, s_options) ?? [];

    public static string SerializeSubscriptions(Subscriptions subscriptions) =>
        JsonSerializer.Serialize(
            new StoredSubscriptions(
                subscriptions.SessionId,
                subscriptions.Participants.Select(p => new StoredParticipantSubscription(p.ParticipantId, p.StreamAliases)).ToList()),
            s_options);

    public static Subscriptions DeserializeSubscriptions(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredSubscriptions>(json, s_options);
        if (stored is null || (stored.SessionId is null && (stored.Participants is null || stored.Participants.Count == 0)))
        {
            return Subscriptions.None;
        }

        return new Subscriptions(
            stored.SessionId,
            (stored.Participants ?? []).Select(p => new ParticipantSubscription(p.ParticipantId, p.StreamAliases ?? [])).ToList());
    }

    private sealed record StoredSubscriptions(string? SessionId, IReadOnlyList<StoredParticipantSubscription>? Participants);

    private sealed record StoredParticipantSubscription(string ParticipantId, IReadOnlyList<string>? StreamAliases);
}
