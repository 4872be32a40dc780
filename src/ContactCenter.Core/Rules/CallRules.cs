using ContactCenter.Core.Domain;
using ContactCenter.Core.Services;

namespace ContactCenter.Core.Rules;

/// <summary>
/// Every domain rule of the control plane, in one place. Each check is pure: it returns null (or a success)
/// when the input is acceptable and otherwise a <see cref="CallError"/> whose message names the offending value,
/// so that services can validate everything before they change anything.
/// This file holds the participant rules; sessions, subscriptions and rosters are in the partial files beside it.
/// </summary>
public static partial class CallRules
{
    /// <summary>
    /// Bandwidth's default device protocol (its OpenAPI file until August 2022): a participant created without
    /// <c>deviceApiVersion</c> gets a token the SDK reads as protocol v2 (the <c>/v2</c> door).
    /// </summary>
    public const string DefaultDeviceApiVersion = "V2";

    /// <summary>The device protocols the signaling doors speak (<c>/v2</c> and <c>/v3</c>).</summary>
    public static IReadOnlyList<string> DeviceApiVersions { get; } = ["V2", "V3"];

    /// <summary>Bandwidth's wire names of <see cref="PublishPermission"/>.</summary>
    public const string AudioName = "AUDIO";

    /// <inheritdoc cref="AudioName"/>
    public const string VideoName = "VIDEO";

    /// <summary>Longest callback URL we store; longer ones are refused rather than truncated.</summary>
    public const int MaxCallbackUrlLength = 2048;

    /// <summary>When a create request names no permissions, the participant may publish both, as on Bandwidth.</summary>
    public static IReadOnlyList<PublishPermission> DefaultPublishPermissions { get; } = [PublishPermission.Audio, PublishPermission.Video];

    /// <summary>Tags of sessions and participants are optional, need not be unique, and are at most 50 characters.</summary>
    public static CallError? CheckTag(string? tag) =>
        tag is not null && tag.Length > Participant.MaxTagLength
            ? CallError.Validation($"tag must be at most {Participant.MaxTagLength} characters; it has {tag.Length}.")
            : null;

    /// <summary>publishPermissions holds each kind at most once, and only AUDIO and VIDEO.</summary>
    public static CallError? CheckPublishPermissions(IReadOnlyCollection<PublishPermission> permissions)
    {
        var seen = new HashSet<PublishPermission>();
        foreach (var permission in permissions)
        {
            if (!Enum.IsDefined(permission))
            {
                return CallError.Validation($"publishPermissions may contain only {AudioName} and {VideoName}; got {(int)permission}.");
            }

            if (!seen.Add(permission))
            {
                return CallError.Validation($"publishPermissions must be unique; {ToWireName(permission)} appears more than once.");
            }
        }

        return null;
    }

    /// <summary>
    /// Parses wire names ("AUDIO", "VIDEO"; case is ignored) with the same rules as
    /// <see cref="CheckPublishPermissions"/>. For callers that receive the names as strings.
    /// </summary>
    public static CallResult<IReadOnlyList<PublishPermission>> ParsePublishPermissions(IEnumerable<string?> names)
    {
        var parsed = new List<PublishPermission>();
        foreach (var name in names)
        {
            if (!TryParseWireName(name, out var permission))
            {
                return CallError.Validation($"publishPermissions may contain only {AudioName} and {VideoName}; got \"{name}\".");
            }

            if (parsed.Contains(permission))
            {
                return CallError.Validation($"publishPermissions must be unique; {ToWireName(permission)} appears more than once.");
            }

            parsed.Add(permission);
        }

        return CallResult<IReadOnlyList<PublishPermission>>.Ok(parsed);
    }

    public static string ToWireName(PublishPermission permission) => permission switch
    {
        PublishPermission.Audio => AudioName,
        PublishPermission.Video => VideoName,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
    };

    /// <summary>
    /// Absent means <see cref="DefaultDeviceApiVersion"/> (V2, as on Bandwidth). V2 and V3 are accepted without
    /// regard to case and stored upper-case; the token's <c>v</c> claim carries it to the SDK.
    /// </summary>
    public static CallResult<string> NormalizeDeviceApiVersion(string? version)
    {
        if (version is null)
        {
            return DefaultDeviceApiVersion;
        }

        foreach (var known in DeviceApiVersions)
        {
            if (string.Equals(version, known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return CallError.Validation($"deviceApiVersion must be V2 or V3; \"{version}\" is not supported.");
    }

    /// <summary>The webhook target, when given, is an absolute http or https URL.</summary>
    public static CallError? CheckCallbackUrl(string? callbackUrl)
    {
        if (callbackUrl is null)
        {
            return null;
        }

        if (callbackUrl.Length > MaxCallbackUrlLength)
        {
            return CallError.Validation($"callbackUrl must be at most {MaxCallbackUrlLength} characters; it has {callbackUrl.Length}.");
        }

        return Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : CallError.Validation($"callbackUrl must be an absolute http or https URL; got \"{callbackUrl}\".");
    }

    private static bool TryParseWireName(string? name, out PublishPermission permission)
    {
        if (string.Equals(name, AudioName, StringComparison.OrdinalIgnoreCase))
        {
            permission = PublishPermission.Audio;
            return true;
        }

        if (string.Equals(name, VideoName, StringComparison.OrdinalIgnoreCase))
        {
            permission = PublishPermission.Video;
            return true;
        }

        permission = default;
        return false;
    }
}
