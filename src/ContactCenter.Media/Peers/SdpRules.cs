using System.Security.Cryptography;
using ContactCenter.Media.Dtls;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Peers;

/// <summary>What the offerer and the answerer of a peer share: reading the remote transport values, directions, tokens.</summary>
internal static class SdpRules
{
    public static void AssignLocalStream(List<NegotiatedMedia> lines, NegotiatedMedia media, string streamId)
    {
        if (!media.WeSend)
        {
            return;
        }

        uint ssrc;
        do
        {
            ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        }
        while (lines.Exists(m => m.LocalSsrc == ssrc));

        media.LocalSsrc = ssrc;
        media.LocalStreamId = streamId;
        media.LocalTrackId = NewToken(16);
    }

    public static void ReadRemoteTransport(PeerConnection peer, SdpSessionDescription remote, SdpMediaDescription? first)
    {
        if (first is null)
        {
            throw new FormatException("The description has no active m-line.");
        }

        var ufrag = remote.GetForMedia(first, "ice-ufrag") ?? throw new FormatException("a=ice-ufrag is missing.");
        var password = remote.GetForMedia(first, "ice-pwd") ?? throw new FormatException("a=ice-pwd is missing.");
        peer.Ice.SetRemote(ufrag, password);
        if (!DtlsFingerprint.TryParse(remote.GetForMedia(first, "fingerprint"), out var fingerprint))
        {
            throw new FormatException("a=fingerprint is missing or malformed.");
        }

        peer.Dtls.RemoteFingerprint = fingerprint;
    }

    public static string? FirstTransportValue(SdpSessionDescription description, string name)
    {
        foreach (var media in description.Media)
        {
            if (!media.IsRejected && description.GetForMedia(media, name) is { } value)
            {
                return value;
            }
        }

        return description.Get(name);
    }

    public static string Reverse(string direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    public static string NewToken(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", length);
}
