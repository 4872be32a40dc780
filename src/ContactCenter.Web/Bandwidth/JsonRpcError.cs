namespace ContactCenter.Web.Bandwidth;

/// <summary>A JSON-RPC 2.0 error object.</summary>
public sealed record JsonRpcError(int Code, string Message);
