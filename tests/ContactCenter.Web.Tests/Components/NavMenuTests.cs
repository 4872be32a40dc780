using Bunit;
using ContactCenter.Web.Components.Layout;
using ContactCenter.Web.Identity;

namespace ContactCenter.Web.Tests.Components;

public sealed class NavMenuTests : MudTestContext
{
    private IReadOnlyList<string> Links()
    {
        var cut = Render<NavMenu>();
        return cut.FindAll("a").Select(a => a.GetAttribute("href")!).ToList();
    }

    [Fact]
    public void Render_Anonymous_OnlyPublicLinksAndSignIn()
    {
        Assert.Equal(["/", "/call", "/signin"], Links());
    }

    [Theory]
    [InlineData(AppRoles.Agent, "/agent")]
    [InlineData(AppRoles.Supervisor, "/supervisor")]
    [InlineData(AppRoles.Admin, "/admin")]
    public void Render_SignedInWithRole_ShowsOnlyThatRolesPage(string role, string page)
    {
        Auth.SetAuthorized("someone@demo.local").SetRoles(role);

        Assert.Equal(["/", "/call", page], Links());
    }
}
