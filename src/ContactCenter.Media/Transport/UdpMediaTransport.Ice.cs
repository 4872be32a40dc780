using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Peers;
using ContactCenter.Media.Stun;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

public sealed partial class UdpMediaTransport
{
    private const int MaxUfragChars = 256;

    /// <summary>
    /// ICE-lite responder (RFC 8445 §7.3): answers Binding requests for a known ufrag whose MESSAGE-INTEGRITY
    /// verifies with that peer's password; the success response carries XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY
    /// and FINGERPRINT. A lite agent sends no checks of its own, so every other STUN message is dropped.
    /// </summary>
    internal IceCheckOutcome HandleStun(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        var outcome = ProcessStun(packet, from);
        if (outcome != IceCheckOutcome.Accepted && _logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.StunCheck(_logger, from.ToEndPoint(), outcome);
        }

        return outcome;
    }

    private IceCheckOutcome ProcessStun(ReadOnlySpan<byte> packet, SocketAddress from)
    {
        if (!StunMessage.TryParse(packet, out var message) || message.MessageType != StunMessageType.BindingRequest)
        {
            return IceCheckOutcome.Ignored;
        }

        // RFC 8445 §7.2.2 wants FINGERPRINT on checks; a wrong one means this is not for us (RFC 7983).
        if (message.HasAttribute(StunAttributeType.Fingerprint) && !StunIntegrity.VerifyFingerprint(packet))
        {
            return IceCheckOutcome.Ignored;
        }

        Span<byte> response = stackalloc byte[128];
        if (!message.TryGetUsername(out var username)
            || !IceUsername.TrySplit(username, out var localUfrag, out var remoteUfrag)
            || localUfrag.Length > MaxUfragChars
            || !message.HasAttribute(StunAttributeType.MessageIntegrity))
        {
            // RFC 5389 §10.1.2: a request without USERNAME or MESSAGE-INTEGRITY gets 400.
            Send(response.Slice(0, StunWriter.WriteBindingError(response, message.TransactionId, 400)), from);
            return IceCheckOutcome.BadRequest;
        }

        Span<char> ufragChars = stackalloc char[MaxUfragChars];
        PeerConnection? peer = null;
        IceCredentials? credentials = null;
        if (Encoding.UTF8.TryGetChars(localUfrag, ufragChars, out int charCount)
            && _byUfragSpan.TryGetValue(ufragChars.Slice(0, charCount), out peer))
        {
            // The current credentials, or the previous ones while an ICE restart waits for its answer.
            credentials = peer.LocalIceFor(ufragChars.Slice(0, charCount));
        }

        if (peer is null
            || credentials is null
            || peer.IsClosed
            || !StunIntegrity.VerifyMessageIntegrity(packet, credentials.PasswordBytes)
            || !peer.RemoteUfragMatches(remoteUfrag, credentials))
        {
            // RFC 5389 §10.1.2: unknown username or bad integrity gets 401, without MESSAGE-INTEGRITY.
            Send(response.Slice(0, StunWriter.WriteBindingError(response, message.TransactionId, 401)), from);
            return IceCheckOutcome.Unauthorized;
        }

        int length = StunWriter.WriteBindingSuccess(response, message.TransactionId, from, credentials.PasswordBytes);
        Send(response.Slice(0, length), from);
        peer.OnValidCheck(from, message.HasAttribute(StunAttributeType.UseCandidate), _time.GetUtcNow());
        return IceCheckOutcome.Accepted;
    }
}
