namespace ContactCenter.Web.Tests.Infrastructure;

/// <summary>One host (and database) shared by the tests of a class; each test makes its own sessions and participants.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string OtherAccount = "other";
    public const string OtherUser = "other-user";
    public const string OtherPassword = "other-secret";

    public ApiFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        _ = Factory.Server;
        await Factory.AddAccountAsync(OtherAccount, OtherUser, OtherPassword);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        ApiFactory.DeleteFolder(Factory.Folder);
    }
}
