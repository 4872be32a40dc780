using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Core.Services;

/// <summary>The outcome of a control-plane operation: a <typeparamref name="T"/> on success, or a <see cref="CallError"/>.</summary>
public sealed class CallResult<T>
{
    private CallResult(T? value, CallError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The result; not null when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    public CallError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static CallResult<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static CallResult<T> Fail(CallError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator CallResult<T>(T value) => Ok(value);

    public static implicit operator CallResult<T>(CallError error) => Fail(error);

    public override string ToString() => IsSuccess ? $"Success: {Value}" : Error.ToString();
}
