using System.Net;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Stun;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Media.Transport;

/// <summary>
/// ICE-lite responder (RFC 8445 §7.3): answers Binding requests for a known ufrag whose MESSAGE-INTEGRITY
/// verifies with that endpoint's password; the success response carries XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY
/// and FINGERPRINT. A lite agent sends no checks of its own, so every other STUN message is dropped. Shared by
/// every transport of an <see cref="EndpointDirectory"/>: the answer goes back through the port the check came in on.
/// </summary>
internal sealed class IceLiteResponder(EndpointDirectory endpoints, TimeProvider time, ILogger logger)
{
    private const int MaxUfragChars = 256;

    public IceCheckOutcome Handle(IDatagramPort port, ReadOnlySpan<byte> packet, SocketAddress from)
    {
        var outcome = Process(port, packet, from);
        if (outcome != IceCheckOutcome.Accepted && logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.StunCheck(logger, from.ToEndPoint(), outcome);
        }

        return outcome;
    }

    private IceCheckOutcome Process(IDatagramPort port, ReadOnlySpan<byte> packet, SocketAddress from)
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
            port.Send(response.Slice(0, StunWriter.WriteBindingError(response, message.TransactionId, 400)), from);
            return IceCheckOutcome.BadRequest;
        }

        Span<char> ufragChars = stackalloc char[MaxUfragChars];
        IDatagramEndpoint? endpoint = null;
        IceCredentials? credentials = null;
        if (Encoding.UTF8.TryGetChars(localUfrag, ufragChars, out int charCount)
            && endpoints.TryGetByUfrag(ufragChars.Slice(0, charCount), out endpoint))
        {
            // The current credentials, or the previous ones while an ICE restart waits for its answer.
            credentials = endpoint.LocalIceFor(ufragChars.Slice(0, charCount));
        }

        if (endpoint is null
            || credentials is null
            || endpoint.IsClosed
            || !StunIntegrity.VerifyMessageIntegrity(packet, credentials.PasswordBytes)
            || !endpoint.RemoteUfragMatches(remoteUfrag, credentials))
        {
            // RFC 5389 §10.1.2: unknown username or bad integrity gets 401, without MESSAGE-INTEGRITY.
            port.Send(response.Slice(0, StunWriter.WriteBindingError(response, message.TransactionId, 401)), from);
            return IceCheckOutcome.Unauthorized;
        }

        int length = StunWriter.WriteBindingSuccess(response, message.TransactionId, from, credentials.PasswordBytes);
        port.Send(response.Slice(0, length), from);
        endpoint.OnValidCheck(port, from, message.HasAttribute(StunAttributeType.UseCandidate), time.GetUtcNow());
        return IceCheckOutcome.Accepted;
    }
}
