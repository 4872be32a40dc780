using System.Text;
using ContactCenter.Web.Bandwidth;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// The JSON-RPC 2.0 frame parser of <c>/v3</c> (<see cref="JsonRpcFraming"/>), fed one WebSocket text message
/// decoded as <c>BandwidthDeviceConnection</c> decodes it, followed by the reply it would write: the error with
/// the id it could read, or a result echoing the request's id.
/// </summary>
internal static class JsonRpcHarness
{
    public static bool Run(ReadOnlySpan<byte> input)
    {
        var parsed = JsonRpcFraming.Parse(Encoding.UTF8.GetString(input));
        if (parsed.Request is not { } request)
        {
            _ = JsonRpcFraming.Error(parsed.ErrorId, parsed.Error!);
            return false;
        }

        _ = request.Method.Length;
        _ = request.Params.ValueKind;
        if (request.Id is { } id)
        {
            _ = JsonRpcFraming.Result(id, null);
            _ = JsonRpcFraming.Error(id, new JsonRpcError(JsonRpcErrorCodes.InvalidParams, "refused"));
        }

        return true;
    }
}
