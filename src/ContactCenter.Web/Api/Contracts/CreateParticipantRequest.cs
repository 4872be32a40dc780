namespace ContactCenter.Web.Api.Contracts;

/// <summary>POST /participants. Absent publishPermissions mean AUDIO and VIDEO; an absent deviceApiVersion means V3.</summary>
public sealed record CreateParticipantRequest(
    string? CallbackUrl = null,
    IReadOnlyList<string?>? PublishPermissions = null,
    string? Tag = null,
    string? DeviceApiVersion = null);
