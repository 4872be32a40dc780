namespace ContactCenter.Core.Services;

/// <summary>
/// Why a control-plane operation was refused. <see cref="Message"/> is written for the API caller
/// (it ends up in the 400/404/409/403 body), so it names the offending value and never leaks internals.
/// </summary>
public sealed record CallError(CallErrorKind Kind, string Message)
{
    public static CallError Validation(string message) => new(CallErrorKind.Validation, message);

    public static CallError NotFound(string message) => new(CallErrorKind.NotFound, message);

    public static CallError Conflict(string message) => new(CallErrorKind.Conflict, message);

    public static CallError Forbidden(string message) => new(CallErrorKind.Forbidden, message);

    public override string ToString() => $"{Kind}: {Message}";
}
