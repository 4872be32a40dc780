namespace ContactCenter.Web.Api.Contracts;

/// <summary>POST /participants. Absent publishPermissions mean AUDIO and VIDEO; an absent deviceApiVersion means V3.</summary>
public sealed record CreateParticipantRequest(
    string? CallbackUrl,
    IReadOnlyList<string?>? PublishPermissions,
    string? Tag,
    string? DeviceApiVersion);
