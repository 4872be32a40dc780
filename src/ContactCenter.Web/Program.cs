using ContactCenter.Web;
using ContactCenter.Web.Components;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = HostPaths.ResolveContentRoot(args),
});

builder.AddContactCenterUi();
builder.AddContactCenterApi();
builder.AddContactCenterMedia();

var app = builder.Build();

app.UseContactCenterUi();
app.UseContactCenterApi();
app.MapContactCenterMedia();

app.Run();

/// <summary>Entry point, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
