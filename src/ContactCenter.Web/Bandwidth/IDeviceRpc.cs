using System.Text.Json.Nodes;

namespace ContactCenter.Web.Bandwidth;

/// <summary>One device protocol's JSON-RPC methods over a participant's signaling (v3 or v2).</summary>
public interface IDeviceRpc
{
    /// <summary>Set when the client said <c>leave</c>: the socket's close that follows is then not a disconnect.</summary>
    bool HasLeft { get; }

    /// <summary>The result of a call (null for a notification), or throws <see cref="JsonRpcException"/>.</summary>
    JsonNode? Handle(JsonRpcRequest request);
}
