using System.Text.Json;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// One inbound JSON-RPC 2.0 message. <see cref="Id"/> is the raw id (number or string) echoed back in the reply;
/// null for a notification, which gets no reply. <see cref="Params"/> is undefined when absent.
/// </summary>
public sealed record JsonRpcRequest(string Method, JsonElement Params, JsonElement? Id)
{
    public bool IsNotification => Id is null;
}
