namespace ContactCenter.Web.Bandwidth;

/// <summary>JSON-RPC 2.0 error codes (the spec's reserved range, plus one for a refused request).</summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>Server-defined: the signaling core refused the request (bad token, permissions, stale state).</summary>
    public const int Refused = -32000;
}
