using ContactCenter.Core.Domain;
using ContactCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Web.Auth;

/// <summary>On the first start (no account at all), creates the account and API credential of <see cref="ApiBootstrapOptions"/>.</summary>
internal sealed partial class BootstrapCredentialSeeder : IContactCenterSeeder
{
    private readonly ApiBootstrapOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BootstrapCredentialSeeder> _logger;

    public BootstrapCredentialSeeder(IOptions<ApiBootstrapOptions> options, TimeProvider time, ILogger<BootstrapCredentialSeeder> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task SeedAsync(ContactCenterDbContext db, CancellationToken ct)
    {
        if (!_options.IsComplete || await db.Accounts.AnyAsync(ct))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var accountId = _options.AccountId!.Trim();
        var username = _options.Username!.Trim();
        db.Accounts.Add(new Account(accountId, string.IsNullOrWhiteSpace(_options.AccountName) ? accountId : _options.AccountName.Trim(), now));
        db.ApiCredentials.Add(new ApiCredential(Guid.NewGuid().ToString("N"), accountId, username, ApiSecretHasher.Hash(_options.Password!), now));
        await db.SaveChangesAsync(ct);
        Log.Created(_logger, accountId, username);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "Empty database: created the bootstrap account '{AccountId}' with API credential '{Username}' from Api:Bootstrap. Change its password before exposing this server.")]
        public static partial void Created(ILogger logger, string accountId, string username);
    }
}
