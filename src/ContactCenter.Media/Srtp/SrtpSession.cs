using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ContactCenter.Media.Srtp;

/// <summary>
/// One direction of one peer's SRTP/SRTCP crypto context, covering all its SSRCs (RFC 3711 §3.2).
/// Session keys are derived once here; every packet operation works in place, allocates nothing once an
/// SSRC has been seen, and reports bad input by returning false.
/// </summary>
/// <remarks>
/// Not thread-safe by design: give each direction one owner (the receive loop for inbound, the sender
/// of a subscriber for outbound). Per-SSRC state is created on the first protected packet and, for
/// inbound, only after a packet of that SSRC authenticated. ROC and replay windows move only after
/// authentication succeeds. Outbound allows repeated sequence numbers (NACK retransmissions reuse the
/// same index and plaintext, so the same ciphertext). A forged GCM packet is rejected without an exception
/// where <see cref="SrtpGcm"/> runs on AES-NI; elsewhere it costs one caught exception inside <see cref="SrtpGcm"/>.
/// </remarks>
internal sealed partial class SrtpSession : IDisposable
{
    /// <summary>Bytes the caller must leave free after a packet for any protect: GCM SRTCP adds a 16-byte tag and 4-byte index.</summary>
    public const int MaxOverhead = 20;

    /// <summary>Most SSRCs tracked per table; further new SSRCs are refused so a peer cannot grow state without bound.</summary>
    public const int MaxSsrcs = 4096;

    private const int RtpHeaderLength = 12;
    private const int RtcpHeaderLength = 8;
    private const int SrtcpIndexLength = 4;
    private const uint SrtcpEncryptedFlag = 0x80000000;
    private const uint SrtcpMaxIndex = 0x7FFFFFFF;

    private readonly SrtpCipher _rtp;
    private readonly SrtpCipher _rtcp;
    private readonly int _tagLength;
    private readonly bool _gcm;

    private readonly Dictionary<uint, SrtpReplayWindow> _outboundRtp = new();
    private readonly Dictionary<uint, SrtpReplayWindow> _inboundRtp = new();
    private readonly Dictionary<uint, uint> _outboundRtcp = new();
    private readonly Dictionary<uint, SrtpReplayWindow> _inboundRtcp = new();
    private bool _disposed;

    /// <summary>
    /// Creates a context from the master key and salt exported by DTLS-SRTP (RFC 5764 §4.2) and derives
    /// the SRTP and SRTCP session keys (RFC 3711 §4.3, RFC 7714 §11).
    /// </summary>
    public SrtpSession(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        if (masterKey.Length != SrtpProfiles.KeyLength(profile))
        {
            throw new ArgumentException($"A {profile} master key has {SrtpProfiles.KeyLength(profile)} bytes.", nameof(masterKey));
        }

        if (masterSalt.Length != SrtpProfiles.SaltLength(profile))
        {
            throw new ArgumentException($"A {profile} master salt has {SrtpProfiles.SaltLength(profile)} bytes.", nameof(masterSalt));
        }

        Profile = profile;
        _tagLength = SrtpProfiles.TagLength(profile);
        _gcm = profile == SrtpProfile.AeadAes128Gcm;
        using var prf = new AesCounterMode(masterKey);
        _rtp = SrtpCipher.Derive(profile, prf, masterSalt, rtcp: false);
        _rtcp = SrtpCipher.Derive(profile, prf, masterSalt, rtcp: true);
    }

    private SrtpSession(SrtpProfile profile, SrtpCipher rtp, SrtpCipher rtcp)
    {
        Profile = profile;
        _tagLength = SrtpProfiles.TagLength(profile);
        _gcm = profile == SrtpProfile.AeadAes128Gcm;
        _rtp = rtp;
        _rtcp = rtcp;
    }

    public SrtpProfile Profile { get; }

    /// <summary>Bytes an SRTP packet grows by when protected.</summary>
    public int RtpOverhead => _tagLength;

    /// <summary>Bytes an SRTCP packet grows by when protected (tag and E‖index).</summary>
    public int RtcpOverhead => _tagLength + SrtcpIndexLength;

    /// <summary>Builds a context from session keys directly, skipping the KDF (for RFC test vectors).</summary>
    internal static SrtpSession FromSessionKeys(
        SrtpProfile profile,
        ReadOnlySpan<byte> rtpKey, ReadOnlySpan<byte> rtpSalt, ReadOnlySpan<byte> rtpAuthKey,
        ReadOnlySpan<byte> rtcpKey, ReadOnlySpan<byte> rtcpSalt, ReadOnlySpan<byte> rtcpAuthKey) =>
        new(profile,
            SrtpCipher.FromSessionKeys(profile, rtpKey, rtpSalt, rtpAuthKey),
            SrtpCipher.FromSessionKeys(profile, rtcpKey, rtcpSalt, rtcpAuthKey));

    /// <summary>The ROC and highest sequence number authenticated for an inbound SSRC.</summary>
    public bool TryGetInboundRtpState(uint ssrc, out uint rolloverCounter, out ushort highestSequence) =>
        TryGetState(_inboundRtp, ssrc, out rolloverCounter, out highestSequence);

    /// <summary>The ROC and highest sequence number protected for an outbound SSRC.</summary>
    public bool TryGetOutboundRtpState(uint ssrc, out uint rolloverCounter, out ushort highestSequence) =>
        TryGetState(_outboundRtp, ssrc, out rolloverCounter, out highestSequence);

    /// <summary>
    /// Forgets every inbound and outbound SRTP/SRTCP state of <paramref name="ssrc"/> (a stream that ended).
    /// A later packet of that SSRC starts again from ROC 0, as on first sight.
    /// </summary>
    public bool RemoveSsrc(uint ssrc)
    {
        bool removed = _inboundRtp.Remove(ssrc);
        removed |= _outboundRtp.Remove(ssrc);
        removed |= _inboundRtcp.Remove(ssrc);
        removed |= _outboundRtcp.Remove(ssrc);
        return removed;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private static bool TryGetState(
        Dictionary<uint, SrtpReplayWindow> table, uint ssrc, out uint rolloverCounter, out ushort highestSequence)
    {
        if (table.TryGetValue(ssrc, out var window))
        {
            rolloverCounter = (uint)(window.Highest >> 16);
            highestSequence = (ushort)window.Highest;
            return true;
        }

        rolloverCounter = 0;
        highestSequence = 0;
        return false;
    }

    // Stores state for an SSRC after its first authenticated packet; refuses beyond MaxSsrcs.
    private static bool TryRemember<T>(Dictionary<uint, T> table, uint ssrc, T state)
    {
        if (table.Count >= MaxSsrcs && !table.ContainsKey(ssrc))
        {
            return false;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(table, ssrc, out _) = state;
        return true;
    }

    // HMAC-SHA1-80 over the given parts, compared in constant time or written to the tag.
    private static void ComputeHmac(IncrementalHash hmac, ReadOnlySpan<byte> data, ReadOnlySpan<byte> suffix, Span<byte> output20)
    {
        hmac.AppendData(data);
        hmac.AppendData(suffix);
        hmac.GetHashAndReset(output20);
    }
}
