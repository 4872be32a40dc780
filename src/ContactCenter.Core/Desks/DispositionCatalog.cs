using ContactCenter.Core.Services;

namespace ContactCenter.Core.Desks;

/// <summary>The admin's disposition codes and desk settings: add a code, retire or restore one, set the service-level target.</summary>
public sealed class DispositionCatalog
{
    public const int MaxLabelLength = 60;

    private readonly IDeskStore _store;

    public DispositionCatalog(IDeskStore store)
    {
        _store = store;
    }

    public Task<IReadOnlyList<DispositionCode>> ListAsync(CancellationToken ct = default) => _store.GetCodesAsync(ct);

    /// <summary>Adds an active code. Refused for an empty or too long label, or one that exists (ignoring case).</summary>
    public async Task<CallResult<DispositionCode>> AddAsync(string? label, CancellationToken ct = default)
    {
        var text = label?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxLabelLength)
        {
            return CallError.Validation($"A code needs a label of 1 to {MaxLabelLength} characters.");
        }

        var codes = await _store.GetCodesAsync(ct);
        if (codes.Any(c => string.Equals(c.Label, text, StringComparison.OrdinalIgnoreCase)))
        {
            return CallError.Conflict($"There is already a code \"{text}\".");
        }

        var code = new DispositionCode(Guid.NewGuid().ToString("N"), text, IsActive: true);
        await _store.SaveCodeAsync(code, ct);
        return code;
    }

    /// <summary>Retires (no longer offered to agents) or restores a code; calls keep the code they have.</summary>
    public async Task<CallResult> SetActiveAsync(string id, bool active, CancellationToken ct = default)
    {
        var code = (await _store.GetCodesAsync(ct)).FirstOrDefault(c => c.Id == id);
        if (code is null)
        {
            return CallError.NotFound("That code does not exist.");
        }

        await _store.SaveCodeAsync(code with { IsActive = active }, ct);
        return CallResult.Success;
    }

    public Task<DeskSettings> GetSettingsAsync(CancellationToken ct = default) => _store.GetSettingsAsync(ct);

    /// <summary>Sets the service-level target: 1 to 3600 seconds.</summary>
    public async Task<CallResult> SetServiceLevelTargetAsync(int seconds, CancellationToken ct = default)
    {
        if (seconds is < 1 or > 3600)
        {
            return CallError.Validation("The service-level target is 1 to 3600 seconds.");
        }

        var settings = await _store.GetSettingsAsync(ct);
        await _store.SaveSettingsAsync(settings with { ServiceLevelTargetSeconds = seconds }, ct);
        return CallResult.Success;
    }
}
