using System.Security.Cryptography;
using ContactCenter.Core.Domain;
using ContactCenter.Core.Rules;
using ContactCenter.Core.Services;
using ContactCenter.Data;
using ContactCenter.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Web.Ui.Admin;

/// <summary>
/// What the admin page reads and changes in the database: accounts, API credentials, sessions. A singleton that opens
/// a scope (a fresh DbContext) per operation, because a circuit lives far longer than a DbContext should.
/// </summary>
public sealed class AdminDirectory
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;

    public AdminDirectory(IServiceScopeFactory scopes, TimeProvider time)
    {
        _scopes = scopes;
        _time = time;
    }

    public async Task<IReadOnlyList<AccountRow>> ListAccountsAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var accounts = await db.Accounts.AsNoTracking().ToListAsync(ct);
        var credentials = await db.ApiCredentials.AsNoTracking().ToListAsync(ct);
        return accounts
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new AccountRow(a.Id, a.Name, a.CreatedAt, credentials
                .Where(c => c.AccountId == a.Id)
                .OrderBy(c => c.CreatedAt)
                .Select(c => new CredentialRow(c.Id, c.Username, c.CreatedAt, c.RevokedAt))
                .ToList()))
            .ToList();
    }

    public async Task<CallResult> CreateAccountAsync(string id, string name, CancellationToken ct = default)
    {
        id = id.Trim();
        if (id.Length is 0 or > 64 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
        {
            return CallError.Validation("An account id is 1 to 64 letters, digits, '-' or '_'.");
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        if (await db.Accounts.AnyAsync(a => a.Id == id, ct))
        {
            return CallError.Conflict($"Account {id} already exists.");
        }

        db.Accounts.Add(new Account(id, string.IsNullOrWhiteSpace(name) ? id : name.Trim(), _time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return CallResult.Success;
    }

    /// <summary>Creates a credential with a random secret and returns the secret; only its hash is stored.</summary>
    public async Task<CallResult<NewCredential>> CreateCredentialAsync(string accountId, string username, CancellationToken ct = default)
    {
        username = username.Trim();
        if (username.Length is 0 or > 200 || username.Contains(':', StringComparison.Ordinal))
        {
            return CallError.Validation("A username is 1 to 200 characters without ':' (HTTP Basic separates it from the secret with ':').");
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            return CallError.NotFound($"Account {accountId} was not found.");
        }

        if (await db.ApiCredentials.AnyAsync(c => c.Username == username, ct))
        {
            return CallError.Conflict($"The username {username} is taken.");
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        db.ApiCredentials.Add(new ApiCredential(Guid.NewGuid().ToString("N"), accountId, username, ApiSecretHasher.Hash(secret), _time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new NewCredential(accountId, username, secret);
    }

    public async Task<CallResult> RevokeCredentialAsync(string credentialId, CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var credential = await db.ApiCredentials.FirstOrDefaultAsync(c => c.Id == credentialId, ct);
        if (credential is null)
        {
            return CallError.NotFound("The credential was not found.");
        }

        credential.Revoke(_time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return CallResult.Success;
    }

    public async Task<IReadOnlyList<SessionRow>> ListSessionsAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContactCenterDbContext>();
        var sessions = await db.Sessions.AsNoTracking().ToListAsync(ct);
        var participants = await db.Participants.AsNoTracking().Where(p => p.SessionId != null).ToListAsync(ct);
        return sessions
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SessionRow(s.Id, s.AccountId, s.Tag, s.CreatedAt, s.Mode?.ToString(), participants
                .Where(p => p.SessionId == s.Id)
                .OrderBy(p => p.JoinedAt)
                .Select(p => new ParticipantRow(p.Id, p.Tag, p.JoinedAt, string.Join(", ", p.PublishPermissions.Select(CallRules.ToWireName))))
                .ToList()))
            .ToList();
    }
}
