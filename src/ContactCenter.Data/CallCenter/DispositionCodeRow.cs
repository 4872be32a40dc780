namespace ContactCenter.Data.CallCenter;

/// <summary>A disposition code (table DispositionCodes). See <see cref="Core.Desks.DispositionCode"/>.</summary>
internal sealed class DispositionCodeRow
{
    public string Id { get; set; } = "";

    public string Label { get; set; } = "";

    public bool IsActive { get; set; }

    /// <summary>Codes are listed in the order they were added.</summary>
    public long CreatedTicks { get; set; }
}
