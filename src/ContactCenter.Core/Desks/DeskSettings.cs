using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Desks;

/// <summary>The settings the admin changes in the page (stored in the database, not in configuration).</summary>
public sealed record DeskSettings
{
    public const int DefaultServiceLevelTargetSeconds = 20;

    /// <summary>A call answered within this many seconds of waiting counts towards the service level.</summary>
    [Range(1, 3600)]
    public int ServiceLevelTargetSeconds { get; init; } = DefaultServiceLevelTargetSeconds;
}
