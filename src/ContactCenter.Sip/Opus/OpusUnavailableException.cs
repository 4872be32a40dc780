namespace ContactCenter.Sip.Opus;

/// <summary>libopus could not be loaded; the message says which package to install.</summary>
public sealed class OpusUnavailableException : Exception
{
    public OpusUnavailableException()
    {
    }

    public OpusUnavailableException(string message) : base(message)
    {
    }

    public OpusUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
