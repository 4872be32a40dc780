namespace ContactCenter.Media.Peers;

/// <summary>One accepted m-line of a peer connection.</summary>
public sealed class NegotiatedMedia
{
    internal NegotiatedMedia(string mid, MediaKind kind, int index)
    {
        Mid = mid;
        Kind = kind;
        Index = index;
    }

    public string Mid { get; }

    public MediaKind Kind { get; }

    /// <summary>Position of the m-line in the SDP.</summary>
    public int Index { get; }

    /// <summary>Our direction for this m-line (sendrecv, sendonly, recvonly, inactive).</summary>
    public string Direction { get; internal set; } = Sdp.SdpDirection.SendRecv;

    public List<NegotiatedCodec> Codecs { get; } = [];

    /// <summary>The SSRC we send with on this m-line (declared with a=ssrc); 0 when we do not send.</summary>
    public uint LocalSsrc { get; internal set; }

    public string LocalStreamId { get; internal set; } = string.Empty;

    public string LocalTrackId { get; internal set; } = string.Empty;

    /// <summary>SSRCs the remote declared for this m-line (a=ssrc), plus those learned from packets.</summary>
    public List<uint> RemoteSsrcs { get; } = [];

    /// <summary>The negotiated id of the mid header extension (RFC 9143 §15), or 0.</summary>
    public int MidExtensionId { get; internal set; }

    public bool WeSend => Direction is Sdp.SdpDirection.SendRecv or Sdp.SdpDirection.SendOnly;

    public bool WeReceive => Direction is Sdp.SdpDirection.SendRecv or Sdp.SdpDirection.RecvOnly;

    public NegotiatedCodec? FindCodec(int payloadType)
    {
        foreach (var codec in Codecs)
        {
            if (codec.PayloadType == payloadType)
            {
                return codec;
            }
        }

        return null;
    }
}
