using Bunit;
using ContactCenter.Web.Components.Pages;
using ContactCenter.Web.Identity;

namespace ContactCenter.Web.Tests.Components;

public sealed class HomeTests : MudTestContext
{
    private IReadOnlyList<string> Targets() =>
        Render<Home>().FindAll(".mud-card-actions a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void Render_Anonymous_CallAndSignInOnly()
    {
        Assert.Equal(["/call", "/signin"], Targets());
    }

    [Fact]
    public void Render_Supervisor_CallAndConsoleNoSignIn()
    {
        Auth.SetAuthorized("supervisor@demo.local").SetRoles(AppRoles.Supervisor);

        Assert.Equal(["/call", "/supervisor"], Targets());
    }

    [Fact]
    public void Render_AgentAndAdmin_BothTheirPages()
    {
        Auth.SetAuthorized("both@demo.local").SetRoles(AppRoles.Agent, AppRoles.Admin);

        Assert.Equal(["/call", "/agent", "/admin"], Targets());
    }
}
