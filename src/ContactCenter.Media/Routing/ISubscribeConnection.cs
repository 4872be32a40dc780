using ContactCenter.Media.Peers;

namespace ContactCenter.Media.Routing;

/// <summary>
/// The server-offers side of a participant (subscribe connection). The router decides the m-lines; the
/// connection writes the SDP, applies the answer and sends the protected media.
/// </summary>
public interface ISubscribeConnection : IMediaEndpoint
{
    /// <summary>An offer with exactly <paramref name="lines"/> (earlier m-lines first, in the same order).</summary>
    string CreateOffer(IReadOnlyList<OutgoingLine> lines);

    /// <summary>
    /// Applies the answer to the pending offer and returns, per m-line, the codecs the answer kept (empty when
    /// the line was rejected). Throws <see cref="FormatException"/> for an answer that does not fit the offer.
    /// </summary>
    IReadOnlyList<IReadOnlyList<NegotiatedCodec>> ApplyAnswer(string answerSdp);

    /// <summary>
    /// The next offer restarts ICE with new local credentials (RFC 8445 §9); DTLS and SRTP stay. A connection
    /// without ICE (a phone leg) ignores it.
    /// </summary>
    void RestartIce()
    {
    }

    /// <summary>True once DTLS finished (media can be sent).</summary>
    bool IsConnected { get; }

    void Close(string reason);
}
