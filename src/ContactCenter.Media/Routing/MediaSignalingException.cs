namespace ContactCenter.Media.Routing;

/// <summary>A client's signaling request the SFU refuses; the message is meant for that client.</summary>
public sealed class MediaSignalingException : Exception
{
    public MediaSignalingException(string message)
        : base(message)
    {
    }

    public MediaSignalingException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MediaSignalingException()
    {
    }
}
