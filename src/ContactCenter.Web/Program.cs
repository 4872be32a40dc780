using ContactCenter.Web;
using ContactCenter.Web.Cluster;
using ContactCenter.Web.Components;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = HostPaths.ResolveContentRoot(args),
});

builder.AddContactCenterProtection();
builder.AddContactCenterUi();
builder.AddContactCenterApi();
builder.AddContactCenterMedia();
builder.AddContactCenterSignaling();
builder.AddContactCenterBandwidth();
builder.AddContactCenterPhones();
builder.AddContactCenterCluster();

var app = builder.Build();

app.UseContactCenterProtection();
app.UseContactCenterUi();
app.UseContactCenterApi();
app.MapContactCenterMedia();
app.MapContactCenterSignaling();
app.MapContactCenterBandwidth();
app.MapContactCenterCluster();

app.Run();

/// <summary>Entry point, public so that WebApplicationFactory can find it.</summary>
public partial class Program;
