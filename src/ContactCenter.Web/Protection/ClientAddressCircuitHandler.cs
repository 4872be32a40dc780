using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ContactCenter.Web.Protection;

/// <summary>
/// Records the circuit's remote address when its connection comes up: that runs inside the SignalR connection's
/// request, whose HttpContext the accessor still sees (later component events may not).
/// </summary>
internal sealed class ClientAddressCircuitHandler(IHttpContextAccessor accessor, CircuitClientAddress client) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http)
        {
            client.Address = ClientAddress.Of(http);
        }

        return Task.CompletedTask;
    }
}
