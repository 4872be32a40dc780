namespace ContactCenter.Web.Bandwidth;

/// <summary>Thrown by a method handler to answer with a JSON-RPC error (bad params, refused, …).</summary>
public sealed class JsonRpcException : Exception
{
    public JsonRpcException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public JsonRpcException()
    {
    }

    public JsonRpcException(string message)
        : base(message)
    {
    }

    public JsonRpcException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public int Code { get; } = JsonRpcErrorCodes.InternalError;
}
