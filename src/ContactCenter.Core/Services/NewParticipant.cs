using ContactCenter.Core.Domain;

namespace ContactCenter.Core.Services;

/// <summary>
/// What a caller asks for when it creates a participant. Absent permissions mean AUDIO and VIDEO; an absent
/// device API version means V3.
/// </summary>
public sealed record NewParticipant(
    IReadOnlyList<PublishPermission>? PublishPermissions = null,
    string? Tag = null,
    string? CallbackUrl = null,
    string? DeviceApiVersion = null);
