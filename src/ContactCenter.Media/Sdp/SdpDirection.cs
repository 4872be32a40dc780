namespace ContactCenter.Media.Sdp;

/// <summary>Media direction attributes (RFC 8866 §6.7) and the answer rules of RFC 3264 §6.1.</summary>
public static class SdpDirection
{
    public const string SendRecv = "sendrecv";
    public const string SendOnly = "sendonly";
    public const string RecvOnly = "recvonly";
    public const string Inactive = "inactive";

    public static bool IsDirection(string name) => name is SendRecv or SendOnly or RecvOnly or Inactive;

    /// <summary>
    /// The direction to answer with: the offer's mirror, limited to what we want to do.
    /// </summary>
    public static string Answer(string offered, bool weSend, bool weReceive)
    {
        bool remoteSends = offered is SendRecv or SendOnly;
        bool remoteReceives = offered is SendRecv or RecvOnly;
        bool send = weSend && remoteReceives;
        bool receive = weReceive && remoteSends;
        return (send, receive) switch
        {
            (true, true) => SendRecv,
            (true, false) => SendOnly,
            (false, true) => RecvOnly,
            _ => Inactive,
        };
    }
}
