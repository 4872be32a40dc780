namespace ContactCenter.Web.Api.Contracts;

/// <summary>POST /participants. Absent publishPermissions mean AUDIO and VIDEO; an absent deviceApiVersion means V2 (Bandwidth's default).</summary>
public sealed record CreateParticipantRequest(
    string? CallbackUrl = null,
    IReadOnlyList<string?>? PublishPermissions = null,
    string? Tag = null,
    string? DeviceApiVersion = null);
