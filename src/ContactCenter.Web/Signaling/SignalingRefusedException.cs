namespace ContactCenter.Web.Signaling;

/// <summary>A signaling request refused for a reason the client should read (bad token, wrong session, …).</summary>
public sealed class SignalingRefusedException : Exception
{
    public SignalingRefusedException(string message)
        : base(message)
    {
    }

    public SignalingRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SignalingRefusedException()
    {
    }
}
