using System.Buffers.Binary;
using System.Net;
using System.Text;
using ContactCenter.Media.Srtp;
using ContactCenter.Media.Stun;

namespace ContactCenter.Fuzz;

/// <summary>
/// Writes the committed seed corpus (<c>corpus/&lt;harness&gt;/</c>): small valid messages from the RFC test vectors
/// and the unit tests, so every seed is reproducible from this file (<c>ContactCenter.Fuzz seeds corpus</c>).
/// </summary>
internal static class SeedCorpus
{
    public static void Write(string root)
    {
        Stun(Folder(root, "stun"));
        Rtp(Folder(root, "rtp"));
        Rtcp(Folder(root, "rtcp"));
        Srtp(Folder(root, "srtp"));
        Sdp(Folder(root, "sdp"), root);
        Sip(Folder(root, "sip"));
        JsonRpc(Folder(root, "jsonrpc"));
        UserToUser(Folder(root, "uui"));
    }

    private static string Folder(string root, string name)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static byte[] Hex(string text) =>
        Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    private static void Stun(string dir)
    {
        // RFC 5769 §2.1–§2.3 (password "VOkJxbRl1RmTxUk/WvJxBt").
        File.WriteAllBytes(Path.Combine(dir, "rfc5769-request"), Hex("""
            00 01 00 58 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 10 53 54 55 4e 20 74 65 73 74 20 63 6c 69 65 6e 74
            00 24 00 04 6e 00 01 ff
            80 29 00 08 93 2f f9 b1 51 26 3b 36
            00 06 00 09 65 76 74 6a 3a 68 36 76 59 20 20 20
            00 08 00 14 9a ea a7 0c bf d8 cb 56 78 1e f2 b5 b2 d3 f2 49 c1 b5 71 a2
            80 28 00 04 e5 7a 3b cf
            """));
        File.WriteAllBytes(Path.Combine(dir, "rfc5769-ipv4-response"), Hex("""
            01 01 00 3c 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 08 00 01 a1 47 e1 12 a6 43
            00 08 00 14 2b 91 f5 99 fd 9e 90 c3 8c 74 89 f9 2a f9 ba 53 f0 6b e7 d7
            80 28 00 04 c0 7d 4c 96
            """));
        File.WriteAllBytes(Path.Combine(dir, "rfc5769-ipv6-response"), Hex("""
            01 01 00 48 21 12 a4 42 b7 e7 a7 01 bc 34 d6 86 fa 87 df ae
            80 22 00 0b 74 65 73 74 20 76 65 63 74 6f 72 20
            00 20 00 14 00 02 a1 47 01 13 a9 fa a5 d3 f1 79 bc 25 f4 b5 be d2 b9 d9
            00 08 00 14 a3 82 95 4e 4b e6 7b f1 17 84 c9 7c 82 92 c2 75 bf e3 ed 41
            80 28 00 04 c8 fb 0b 4c
            """));

        // A browser's nominating check: USERNAME, ICE-CONTROLLING, PRIORITY, USE-CANDIDATE, integrity, fingerprint.
        var transactionId = Hex("0102030405060708090a0b0c");
        Span<byte> buffer = stackalloc byte[256];
        var check = new StunWriter(buffer, StunMessageType.BindingRequest, transactionId);
        check.AddUsername("evtj:h6vY"u8);
        check.AddUInt64(StunAttributeType.IceControlling, 0x1122334455667788);
        check.AddUInt32(StunAttributeType.Priority, 0x6e0001ff);
        check.AddFlag(StunAttributeType.UseCandidate);
        check.AppendMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBt"u8);
        File.WriteAllBytes(Path.Combine(dir, "ice-check-use-candidate"), buffer.Slice(0, check.AppendFingerprint()).ToArray());

        int length = StunWriter.WriteBindingError(buffer, transactionId, 401);
        File.WriteAllBytes(Path.Combine(dir, "binding-error-401"), buffer.Slice(0, length).ToArray());
        var mapped = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 40000).Serialize();
        length = StunWriter.WriteBindingSuccess(buffer, transactionId, mapped, "VOkJxbRl1RmTxUk/WvJxBt"u8);
        File.WriteAllBytes(Path.Combine(dir, "binding-success-ipv6"), buffer.Slice(0, length).ToArray());

        // RFC 5389 §6: a bare Binding request, header only (consent freshness without credentials).
        File.WriteAllBytes(Path.Combine(dir, "binding-request-empty"), Hex("00 01 00 00 21 12 a4 42 0102030405060708090a0b0c"));
    }

    private static void Rtp(string dir)
    {
        // From RtpHeaderTests: P, X, two CSRCs, one-byte extension (id 1 "0", id 2 ab cd ef), padding.
        File.WriteAllBytes(Path.Combine(dir, "one-byte-extension"), Hex("""
            b2 6f 12 34 00 00 ab cd de ad be ef 00 00 00 01 00 00 00 02
            be de 00 02 10 30 22 ab cd ef 00 00 01 02 03 04 05 00 00 03
            """));

        // From RtpHeaderTests: two-byte extension profile 0x1000 (RFC 8285 §4.3), id 1 empty, id 5 = aa bb.
        File.WriteAllBytes(Path.Combine(dir, "two-byte-extension"), Hex("90 e0 00 01 00 00 00 02 00 00 00 03 10 00 00 02 01 00 05 02 aa bb 00 00 ff"));

        // libsrtp's reference RTP packet (plain) and RFC 7714 §16.1's.
        File.WriteAllBytes(Path.Combine(dir, "libsrtp-plain"), Hex("800F1234DECAFBADCAFEBABE ABABABABABABABABABABABABABABABAB"));
        File.WriteAllBytes(Path.Combine(dir, "rfc7714-plain"), Hex(
            "8040f17b8041f8d35501a0b2 47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573"));
    }

    private static void Rtcp(string dir)
    {
        // From RtcpSamples (the unit tests' hand-assembled packets).
        var sr = Hex("""
            81 c8 00 0c 11 22 33 44 e8 a1 b2 c3 d4 e5 f6 07 00 01 00 00 00 00 00 64 00 00 3e 80
            55 66 77 88 40 ff ff fe 00 01 12 34 00 00 00 20 a1 b2 c3 d4 00 01 00 00
            """);
        var sdes = Hex("81 ca 00 03 11 22 33 44 01 04 61 62 63 64 00 00");
        var rr = Hex("81 c9 00 07 0a 0b 0c 0d 55 66 77 88 01 00 00 05 00 02 00 10 00 00 01 00 00 00 00 00 00 00 00 00");
        var pli = Hex("81 ce 00 02 00 00 00 01 00 00 00 02");
        var fir = Hex("84 ce 00 06 00 00 00 01 00 00 00 00 00 00 00 03 07 00 00 00 00 00 00 04 08 00 00 00");
        var nack = Hex("81 cd 00 04 00 00 00 01 00 00 00 02 00 10 80 01 ff fe 00 03");
        var remb = Hex("8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 01 0b d0 90 ca fe ba be");
        File.WriteAllBytes(Path.Combine(dir, "sr-sdes"), [.. sr, .. sdes]);
        File.WriteAllBytes(Path.Combine(dir, "rr-remb"), [.. rr, .. remb]);
        File.WriteAllBytes(Path.Combine(dir, "rr-pli-fir"), [.. rr, .. pli, .. fir]);
        File.WriteAllBytes(Path.Combine(dir, "rr-nack"), [.. rr, .. nack]);

        // RFC 3550 §6.4.1 padding: an empty RR with 4 padding bytes.
        File.WriteAllBytes(Path.Combine(dir, "rr-padded"), Hex("a0 c9 00 02 0a 0b 0c 0d 00 00 00 04"));
    }

    private static void Srtp(string dir)
    {
        // Mode byte (bit 0 GCM, bit 1 SRTCP, bit 2 seal first), then length-prefixed packets (see SrtpHarness).
        // libsrtp's reference packets with the RFC 3711 B.3 master key, AES_CM_128_HMAC_SHA1_80.
        var cmRtp = Hex("800F1234DECAFBADCAFEBABE 4E55DC4CE79978D88CA4D215949D2402 B78D6ACC99EA179B8DBB");
        var cmRtcp = Hex("81C8000BCAFEBABE 7128035BE487B9BDBEF89041F977A5A8 80000001 993E08CD54D6C1230798");
        File.WriteAllBytes(Path.Combine(dir, "cm-rtp-libsrtp"), Packets(0, cmRtp));
        File.WriteAllBytes(Path.Combine(dir, "cm-rtp-libsrtp-replayed"), Packets(0, cmRtp, cmRtp));
        File.WriteAllBytes(Path.Combine(dir, "cm-rtcp-libsrtp"), Packets(2, cmRtcp));

        // RFC 7714 §16.1 and §17.1 (session keys used directly).
        var gcmRtp = Hex("""
            8040f17b8041f8d35501a0b2
            f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833
            899d7f27beb16a9152cf765ee4390cce
            """);
        var gcmRtcp = Hex("""
            81c8000d4d617273
            63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa458
            96cf4d2fc5abf87245d9eade 800005d4
            """);
        File.WriteAllBytes(Path.Combine(dir, "gcm-rtp-rfc7714"), Packets(1, gcmRtp));
        File.WriteAllBytes(Path.Combine(dir, "gcm-rtcp-rfc7714"), Packets(3, gcmRtcp));

        // Seal first: a sequence across the 16-bit wrap (ROC 0 → 1), a late packet and a repeat, with an extension.
        var wrap = new[] { Rtp(65534), Rtp(65535), Rtp(0), Rtp(65533), Rtp(1), Rtp(1) };
        File.WriteAllBytes(Path.Combine(dir, "seal-cm-rtp-rollover"), Packets(4, wrap));
        File.WriteAllBytes(Path.Combine(dir, "seal-gcm-rtp-rollover"), Packets(5, wrap));
        var compound = Hex("81c8000611223344 e8a1b2c3d4e5f607 00010000 00000064 00003e80 81ca000311223344 0104616263640000");
        File.WriteAllBytes(Path.Combine(dir, "seal-cm-rtcp"), Packets(6, compound, compound));
        File.WriteAllBytes(Path.Combine(dir, "seal-gcm-rtcp"), Packets(7, compound, compound));
    }

    // An Opus-like RTP packet with a one-byte extension (mid "0") and a 20-byte payload.
    private static byte[] Rtp(ushort sequence)
    {
        var packet = Hex("90 6f 0000 00000000 cafebabe be de 00 01 10 30 00 00").Concat(new byte[20]).ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 960u);
        return packet;
    }

    private static byte[] Packets(byte mode, params byte[][] packets)
    {
        var result = new List<byte> { mode };
        foreach (var packet in packets)
        {
            result.Add((byte)(packet.Length >> 8));
            result.Add((byte)packet.Length);
            result.AddRange(packet);
        }

        return [.. result];
    }

    private static void Sdp(string dir, string root)
    {
        // The Chromium offer the Media unit tests use, then a short WebRTC audio offer and phone offers (Sip tests).
        var chromium = Path.Combine(root, "..", "..", "ContactCenter.Media.Tests", "Sdp", "Fixtures", "chromium156-offer.sdp");
        File.Copy(chromium, Path.Combine(dir, "chromium156-offer"), overwrite: true);
        Text(dir, "webrtc-audio-offer", """
            v=0
            o=- 7799293758840937602 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0
            a=msid-semantic: WMS stream
            m=audio 9 UDP/TLS/RTP/SAVPF 111 0 101
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=ice-ufrag:13/I
            a=ice-pwd:MjitIzbg2OhiQ56jQS71ya8O
            a=fingerprint:sha-256 0E:7A:D5:CE:18:49:8C:07:DD:DE:9A:D9:3D:C9:34:E9:54:BA:43:66:3A:61:A7:68:62:B3:2E:42:D6:0D:F2:5D
            a=setup:actpass
            a=mid:0
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a=extmap:10/sendonly urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id
            a=sendrecv
            a=msid:stream track
            a=rtcp-mux
            a=rtpmap:111 opus/48000/2
            a=rtcp-fb:111 transport-cc
            a=fmtp:111 minptime=10;useinbandfec=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=ssrc:1001 cname:abc
            a=ssrc:1001 msid:stream track
            """);
        Text(dir, "phone-offer", """
            v=0
            o=user1 53655765 2353687637 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 6000 RTP/AVP 18 8 0 101
            a=rtpmap:18 G729/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            """);
        Text(dir, "phone-offer-rejected-video", """
            v=0
            o=- 1 1 IN IP6 2001:db8::10
            s=-
            c=IN IP6 2001:db8::10
            t=0 0
            a=recvonly
            m=audio 4000/2 RTP/AVP 0
            a=rtcp-mux
            m=video 0 RTP/AVP 96
            """);
    }

    private static void Sip(string dir)
    {
        // From SipParserTests, with CRLF line ends (RFC 3261 §7), plus User-To-User and an SDP body.
        var body = """
            v=0
            o=- 1 1 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 6000 RTP/AVP 0

            """.ReplaceLineEndings("\r\n");
        var invite = $"""
            INVITE sip:+15551234567@example.com SIP/2.0
            Via: SIP/2.0/UDP pc33.example.com:5060;branch=z9hG4bK776asdhds;rport
            Max-Forwards: 70
            To: Bob <sip:bob@example.com>
            From: "Alice, A." <sip:alice@example.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.example.com
            CSeq: 314159 INVITE
            Contact: <sip:alice@pc33.example.com;transport=tcp>
            User-To-User: Y2FsbC0xMjM=;encoding=base64, eyJhbGciOi.eyJzdWIi.sig;encoding=jwt
            Content-Type: application/sdp
            Content-Length: {Encoding.UTF8.GetByteCount(body)}


            """.ReplaceLineEndings("\r\n") + body;
        Raw(dir, "invite-sdp-uui", invite);
        const string options = """
            OPTIONS sip:a@b SIP/2.0
            v: SIP/2.0/UDP h;branch=z9hG4bK1
            f: <sip:x@y>;tag=1
            t: sip:a@b
            i: abc
            CSeq: 1 OPTIONS
            m: <sip:x@h>
            k: timer
            l: 0


            """;
        Text(dir, "options-compact", options);
        Text(dir, "options-folded", """
            OPTIONS sip:a@b SIP/2.0
            Via: SIP/2.0/UDP h;branch=z9hG4bK1
            From: <sip:x@y>;tag=1
            To: sip:a@b
            Call-ID: abc
            CSeq: 1 OPTIONS
            Subject: I know you're there,
                     pick up the phone
            	and talk to me!
            Content-Length: 0


            """);
        Text(dir, "bye-three-vias", """
            BYE sip:a@b SIP/2.0
            Via: SIP/2.0/UDP first.example.com;branch=z9hG4bKa, SIP/2.0/TCP second.example.com:5070;branch=z9hG4bKb
            v: SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bKc;received=192.0.2.1
            From: <sip:x@y>;tag=1
            To: <sip:a@b>;tag=2
            Call-ID: abc
            CSeq: 2 BYE
            Content-Length: 0


            """);
        Text(dir, "response-180", """
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP h;branch=z9hG4bK1;received=192.0.2.4
            From: <sip:x@y>;tag=1
            To: <sip:a@b>;tag=2
            Call-ID: abc
            CSeq: 1 INVITE
            Content-Length: 0


            """);

        // TCP: a CRLF keep-alive (RFC 5626 §3.5.1) and two pipelined requests on one stream.
        Text(dir, "tcp-keepalive-pipelined", "\n\n" + options + options);
    }

    private static void JsonRpc(string dir)
    {
        // The Bandwidth SDK's calls on /v3 (rpc-websockets framing), as in JsonRpcFramingTests.
        Raw(dir, "set-media-preferences", """{"jsonrpc":"2.0","method":"setMediaPreferences","params":{"protocol":"WEBRTC"},"id":1}""");
        Raw(dir, "offer-sdp", """{"jsonrpc":"2.0","method":"offerSdp","params":{"sdpOffer":"v=0\r\n","mediaMetadata":{"mediaStreams":{"s1":{"mediaType":"AUDIO"}}}},"id":"2"}""");
        Raw(dir, "leave-notification", """{"jsonrpc":"2.0","method":"leave","params":[]}""");
        Raw(dir, "ping-null-id", """{"jsonrpc":"2.0","method":"ping","id":null}""");
        Raw(dir, "answer-sdp", """{"jsonrpc":"2.0","method":"answerSdp","params":{"sdpAnswer":"v=0"},"id":12}""");
        Raw(dir, "escapes", """{"jsonrpc":"2.0","method":"p\u0069ng","params":{"x":"\u00e9\ud83d\ude00"},"id":1.5e3}""");
    }

    private static void UserToUser(string dir)
    {
        // From UserToUserTokenTests (RFC 7433 syntax), one header value per line.
        Raw(dir, "jwt", "eyJhbGciOi.eyJzdWIi.sig;encoding=jwt");
        Raw(dir, "base64-and-jwt", "Y2FsbC0xMjM=;encoding=base64, eyJ.a.b ;encoding=jwt");
        Raw(dir, "two-headers", "Y2FsbC0xMjM=;encoding=base64;purpose=isdn-uui\neyJ.a.b;ENCODING=JWT;content=isdn-uui");
    }

    // Multi-line literals are written with CRLF line ends, as SIP and SDP put them on the wire.
    private static void Text(string dir, string name, string text) =>
        File.WriteAllBytes(Path.Combine(dir, name), Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")));

    private static void Raw(string dir, string name, string text) =>
        File.WriteAllBytes(Path.Combine(dir, name), Encoding.UTF8.GetBytes(text));
}
