using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Core.Services;

/// <summary>The outcome of a control-plane operation that returns no value: success, or a <see cref="CallError"/>.</summary>
public sealed class CallResult
{
    private CallResult(CallError? error) => Error = error;

    public static CallResult Success { get; } = new(null);

    public CallError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static CallResult Fail(CallError error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator CallResult(CallError error) => Fail(error);

    public override string ToString() => IsSuccess ? "Success" : Error.ToString();
}
