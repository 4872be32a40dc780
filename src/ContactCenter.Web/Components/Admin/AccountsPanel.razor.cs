using System.Globalization;
using ContactCenter.Core.Services;
using ContactCenter.Web.Ui.Admin;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ContactCenter.Web.Components.Admin;

/// <summary>REST accounts and their API credentials: create (secret shown once), revoke.</summary>
public partial class AccountsPanel
{
    private readonly Dictionary<string, string?> _usernames = new(StringComparer.Ordinal);
    private IReadOnlyList<AccountRow>? _accounts;
    private NewCredential? _secret;
    private string? _newAccountId;
    private string? _newAccountName;
    private string? _error;
    private bool _busy;

    [Inject]
    private AdminDirectory Directory { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _accounts = await Directory.ListAccountsAsync();

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string? UsernameFor(string accountId) => _usernames.GetValueOrDefault(accountId);

    private Task CreateAccountAsync() => RunAsync(async () =>
    {
        var result = await Directory.CreateAccountAsync(_newAccountId ?? "", _newAccountName ?? "");
        if (result.IsSuccess)
        {
            Snackbar.Add($"Account {_newAccountId} created.", Severity.Success);
            _newAccountId = _newAccountName = null;
        }

        return result.Error;
    });

    private Task CreateCredentialAsync(string accountId) => RunAsync(async () =>
    {
        var result = await Directory.CreateCredentialAsync(accountId, UsernameFor(accountId) ?? "");
        if (result.IsSuccess)
        {
            _secret = result.Value;
            _usernames.Remove(accountId);
        }

        return result.Error;
    });

    private Task RevokeAsync(CredentialRow credential) => RunAsync(async () =>
    {
        var result = await Directory.RevokeCredentialAsync(credential.Id);
        if (result.IsSuccess)
        {
            Snackbar.Add($"Credential {credential.Username} revoked.", Severity.Success);
        }

        return result.Error;
    });

    private async Task RunAsync(Func<Task<CallError?>> action)
    {
        _busy = true;
        _error = null;
        try
        {
            _error = (await action())?.Message;
            _accounts = await Directory.ListAccountsAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
