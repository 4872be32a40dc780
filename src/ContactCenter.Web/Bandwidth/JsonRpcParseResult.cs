using System.Text.Json;

namespace ContactCenter.Web.Bandwidth;

/// <summary>A parsed frame: either a request, or the error to send back (with the id when one could be read).</summary>
public sealed record JsonRpcParseResult(JsonRpcRequest? Request, JsonRpcError? Error, JsonElement? ErrorId);
