namespace ContactCenter.Web.Protection;

/// <summary>The remote address a Blazor circuit connected from (scoped to the circuit; null until it connects).</summary>
public sealed class CircuitClientAddress
{
    public string? Address { get; internal set; }
}
