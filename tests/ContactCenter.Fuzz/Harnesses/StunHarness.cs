using System.Net;
using System.Text;
using ContactCenter.Media.Ice;
using ContactCenter.Media.Stun;
using ContactCenter.Media.Transport;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// STUN message and attributes (RFC 5389, RFC 8445 §7.3), as <c>UdpMediaTransport.ProcessStun</c> reads a check:
/// parse, FINGERPRINT, USERNAME split, MESSAGE-INTEGRITY with a fixed key, then every typed attribute getter and
/// the answers the transport writes with the request's transaction id.
/// </summary>
internal static class StunHarness
{
    // RFC 5769 §2: the password of the sample request, so the seed's MESSAGE-INTEGRITY verifies.
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("VOkJxbRl1RmTxUk/WvJxBt");
    private static readonly SocketAddress s_from = new IPEndPoint(IPAddress.Loopback, 50000).Serialize();

    public static bool Run(ReadOnlySpan<byte> input)
    {
        _ = MediaPacketClassifier.Classify(input);
        _ = StunMessage.IsStunHeader(input);
        if (!StunMessage.TryParse(input, out var message))
        {
            return false;
        }

        _ = message.MessageType;
        _ = message.Length;
        _ = StunIntegrity.VerifyFingerprint(input);
        if (message.TryGetUsername(out var username) && IceUsername.TrySplit(username, out var local, out _))
        {
            Span<char> chars = stackalloc char[256];
            if (local.Length <= chars.Length)
            {
                _ = Encoding.UTF8.TryGetChars(local, chars, out _);
            }
        }

        _ = StunIntegrity.VerifyMessageIntegrity(input, s_key);
        _ = message.HasAttribute(StunAttributeType.UseCandidate);
        _ = message.TryGetPriority(out _);
        _ = message.TryGetIceControlling(out _);
        _ = message.TryGetIceControlled(out _);
        _ = message.TryGetErrorCode(out _, out _);
        Span<byte> address = stackalloc byte[16];
        _ = message.TryGetXorMappedAddress(address, out _, out _);
        _ = message.TryGetXorMappedAddress(out IPEndPoint? _);
        _ = message.TryGetAttribute(StunAttributeType.Software, out _);

        Span<byte> response = stackalloc byte[128];
        _ = StunWriter.WriteBindingError(response, message.TransactionId, 400);
        _ = StunWriter.WriteBindingSuccess(response, message.TransactionId, s_from, s_key);
        return true;
    }
}
