namespace ContactCenter.Web.Ui;

/// <summary>What a step of cc-page.js reported: done, or why not (shown to the person).</summary>
public sealed record MediaStepResult(bool Ok, string? Error);
