using ContactCenter.Core.Persistence;
using ContactCenter.Core.Tokens;

namespace ContactCenter.Web.Ui;

/// <summary>Issues the participant token a page hands to the browser SDK (cc-page.js → contactcenter-rtc.js).</summary>
internal sealed class MediaTokenIssuer
{
    private readonly IServiceScopeFactory _scopes;

    public MediaTokenIssuer(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
    }

    public async Task<string?> IssueAsync(string participantId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var participant = await scope.ServiceProvider.GetRequiredService<ICallStore>().FindParticipantAsync(participantId, ct);
        return participant is null ? null : scope.ServiceProvider.GetRequiredService<ParticipantTokenService>().Issue(participant).Value;
    }
}
