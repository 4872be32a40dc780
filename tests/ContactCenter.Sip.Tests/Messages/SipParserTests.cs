using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipParserTests
{
    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s.Replace("\n", "\r\n", StringComparison.Ordinal));

    private const string Invite =
        "INVITE sip:bob@example.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP pc33.example.com:5060;branch=z9hG4bK776asdhds;rport\n" +
        "Max-Forwards: 70\n" +
        "To: Bob <sip:bob@example.com>\n" +
        "From: \"Alice, A.\" <sip:alice@example.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:alice@pc33.example.com>\n" +
        "Content-Type: application/sdp\n" +
        "Content-Length: 5\n" +
        "\n" +
        "v=0\n";

    [Fact]
    public void ParseDatagram_ValidInvite_ReadsStartLineHeadersAndBody()
    {
        var result = SipParser.ParseDatagram(Bytes(Invite));

        Assert.Equal(SipParseStatus.Ok, result.Status);
        var m = result.Message!;
        Assert.True(m.IsRequest);
        Assert.Equal("INVITE", m.Method);
        Assert.Equal("sip:bob@example.com", m.RequestUri);
        Assert.Equal("a84b4c76e66710@pc33.example.com", m.CallId);
        Assert.Equal(new SipCSeq(314159, "INVITE"), m.CSeq);
        Assert.Equal("1928301774", m.FromTag);
        Assert.Null(m.ToTag);
        Assert.Equal("v=0\r", Encoding.UTF8.GetString(m.Body)[..4]);
        var via = m.TopVia!;
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("pc33.example.com", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.Equal("z9hG4bK776asdhds", via.Branch);
        Assert.True(via.HasRport);
    }

    [Fact]
    public void ParseDatagram_CompactHeaders_ExpandToCanonicalNames()
    {
        const string text =
            "OPTIONS sip:a@b SIP/2.0\n" +
            "v: SIP/2.0/UDP h;branch=z9hG4bK1\n" +
            "f: <sip:x@y>;tag=1\n" +
            "t: sip:a@b\n" +
            "i: abc\n" +
            "CSeq: 1 OPTIONS\n" +
            "m: <sip:x@h>\n" +
            "k: timer\n" +
            "s: subject\n" +
            "e: gzip\n" +
            "c: text/plain\n" +
            "l: 0\n\n";

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.Equal("abc", m.CallId);
        Assert.Equal("abc", m.GetHeader("i"));
        Assert.Equal("<sip:x@h>", m.GetHeader("Contact"));
        Assert.Equal("timer", m.GetHeader("Supported"));
        Assert.Equal("subject", m.GetHeader("Subject"));
        Assert.Equal("gzip", m.GetHeader("Content-Encoding"));
        Assert.Equal("text/plain", m.GetHeader("content-type"));
        Assert.Equal("z9hG4bK1", m.TopVia!.Branch);
        Assert.Equal("sip:a@b", m.To);
    }

    [Fact]
    public void ParseDatagram_FoldedHeader_IsJoinedWithOneSpace()
    {
        const string text =
            "OPTIONS sip:a@b SIP/2.0\n" +
            "Via: SIP/2.0/UDP h;branch=z9hG4bK1\n" +
            "From: <sip:x@y>;tag=1\n" +
            "To: sip:a@b\n" +
            "Call-ID: abc\n" +
            "CSeq: 1 OPTIONS\n" +
            "Subject: I know you're there,\n" +
            "         pick up the phone\n" +
            "\tand talk to me!\n" +
            "Content-Length: 0\n\n";

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.Equal("I know you're there, pick up the phone and talk to me!", m.GetHeader("Subject"));
    }

    [Fact]
    public void ParseDatagram_MultipleVias_KeepOrderAcrossLinesAndCommas()
    {
        const string text =
            "BYE sip:a@b SIP/2.0\n" +
            "Via: SIP/2.0/UDP first.example.com;branch=z9hG4bKa, SIP/2.0/TCP second.example.com:5070;branch=z9hG4bKb\n" +
            "v: SIP/2.0/UDP third.example.com;branch=z9hG4bKc\n" +
            "From: <sip:x@y>;tag=1\n" +
            "To: <sip:a@b>;tag=2\n" +
            "Call-ID: abc\n" +
            "CSeq: 2 BYE\n" +
            "Content-Length: 0\n\n";

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;
        var vias = m.GetHeaders("via").ToList();

        Assert.Equal(3, vias.Count);
        Assert.Equal("first.example.com", m.TopVia!.Host);
        Assert.True(SipVia.TryParse(vias[1], out var second));
        Assert.Equal(("TCP", "second.example.com", 5070), (second.Transport, second.Host, second.Port));
        Assert.Contains("third", vias[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDatagram_HeaderNamesAnyCase_AreFound()
    {
        var text = Invite.Replace("Call-ID", "call-id", StringComparison.Ordinal).Replace("CSeq", "CSEQ", StringComparison.Ordinal);

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.Equal("a84b4c76e66710@pc33.example.com", m.CallId);
        Assert.Equal(314159u, m.CSeq!.Value.Number);
    }

    [Fact]
    public void ParseDatagram_Response_ReadsStatusLine()
    {
        const string text =
            "SIP/2.0 180 Ringing\n" +
            "Via: SIP/2.0/UDP h;branch=z9hG4bK1;received=192.0.2.4\n" +
            "From: <sip:x@y>;tag=1\n" +
            "To: <sip:a@b>;tag=2\n" +
            "Call-ID: abc\n" +
            "CSeq: 1 INVITE\n\n";

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.False(m.IsRequest);
        Assert.Equal(180, m.StatusCode);
        Assert.Equal("Ringing", m.ReasonPhrase);
        Assert.Equal("192.0.2.4", m.TopVia!.Received);
        Assert.Equal("2", m.ToTag);
    }

    [Fact]
    public void ParseDatagram_BodyShorterThanContentLength_IsInvalidButAnswerable()
    {
        var text = Invite.Replace("Content-Length: 5", "Content-Length: 400", StringComparison.Ordinal);

        var result = SipParser.ParseDatagram(Bytes(text));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.True(result.CanAnswer400);
    }

    [Fact]
    public void ParseDatagram_ExtraBytesAfterContentLength_AreDiscarded()
    {
        var text = Invite.Replace("Content-Length: 5", "Content-Length: 2", StringComparison.Ordinal);

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.Equal("v=", Encoding.UTF8.GetString(m.Body));
    }

    [Fact]
    public void ParseDatagram_NoContentLength_TakesRestOfDatagram()
    {
        var text = Invite.Replace("Content-Length: 5\n", "", StringComparison.Ordinal);

        var m = SipParser.ParseDatagram(Bytes(text)).Message!;

        Assert.Equal("v=0\r\n", Encoding.UTF8.GetString(m.Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("garbage")]
    [InlineData("INVITE\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/3.0\r\n\r\n")]
    [InlineData("SIP/2.0 99 Weird\r\n\r\n")]
    [InlineData("SIP/2.0 abc Weird\r\n\r\n")]
    [InlineData("INVITE sip:a@b SIP/2.0\r\nVia: nonsense\r\n\r\n")]
    [InlineData("\u0001\u0002\u0003\u00ff\r\n\r\n\u0000")]
    public void ParseDatagram_Garbage_IsInvalidWithoutThrowing(string text)
    {
        var result = SipParser.ParseDatagram(Encoding.Latin1.GetBytes(text));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.False(result.CanAnswer400);
    }

    [Fact]
    public void ParseDatagram_CSeqMethodMismatch_IsInvalidAndAnswerable()
    {
        var text = Invite.Replace("314159 INVITE", "314159 BYE", StringComparison.Ordinal);

        var result = SipParser.ParseDatagram(Bytes(text));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.True(result.CanAnswer400);
    }

    [Fact]
    public void ParseDatagram_MissingCallId_IsInvalid()
    {
        var text = Invite.Replace("Call-ID: a84b4c76e66710@pc33.example.com\n", "", StringComparison.Ordinal);

        var result = SipParser.ParseDatagram(Bytes(text));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.False(result.CanAnswer400);
    }

    [Fact]
    public void ParseStream_TwoMessagesAndAPartialOne_FramesByContentLength()
    {
        var one = Bytes(Invite);
        var stream = one.Concat(one).Concat(one.AsSpan(0, 30).ToArray()).ToArray();

        var first = SipParser.ParseStream(stream);
        var second = SipParser.ParseStream(stream.AsSpan(first.Consumed));
        var third = SipParser.ParseStream(stream.AsSpan(first.Consumed + second.Consumed));

        Assert.Equal(SipParseStatus.Ok, first.Status);
        Assert.Equal(one.Length, first.Consumed);
        Assert.Equal(SipParseStatus.Ok, second.Status);
        Assert.Equal(SipParseStatus.Incomplete, third.Status);
    }

    [Fact]
    public void ParseStream_BodyNotYetArrived_IsIncomplete()
    {
        var one = Bytes(Invite);

        var result = SipParser.ParseStream(one.AsSpan(0, one.Length - 2));

        Assert.Equal(SipParseStatus.Incomplete, result.Status);
    }

    [Fact]
    public void ParseStream_KeepAliveCrlf_IsConsumed()
    {
        var data = Bytes("\n\n" + Invite);

        var result = SipParser.ParseStream(data);

        Assert.Equal(SipParseStatus.Ok, result.Status);
        Assert.Equal(data.Length, result.Consumed);
    }

    [Fact]
    public void ParseStream_EndlessHeaders_IsInvalid()
    {
        var data = new byte[SipParser.MaxHeaderBytes + 10];
        Array.Fill(data, (byte)'A');

        Assert.Equal(SipParseStatus.Invalid, SipParser.ParseStream(data).Status);
    }

    [Fact]
    public void ParseDatagram_63KbOfFoldedLines_AllocatesLinearly()
    {
        // One header folded over ~15,000 continuation lines (RFC 3261 §7.3.1): joining them must not copy the
        // growing line once per continuation.
        var text = new StringBuilder(Invite.Replace("Content-Length: 5\n\nv=0\n", "", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        text.Append("Subject: start\r\n");
        while (text.Length < 63 * 1024)
        {
            text.Append(" x\r\n");
        }
        text.Append("Content-Length: 0\r\n\r\n");
        var datagram = Encoding.ASCII.GetBytes(text.ToString());
        SipParser.ParseDatagram(Bytes(Invite));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = SipParser.ParseDatagram(datagram);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SipParseStatus.Ok, result.Status);
        Assert.StartsWith("start x x", result.Message!.GetHeader("Subject"), StringComparison.Ordinal);
        Assert.True(allocated < 20L * datagram.Length, $"{allocated:N0} bytes allocated for a {datagram.Length:N0}-byte datagram");
    }

    [Fact]
    public void ParseDatagram_TooManyHeaderLines_IsInvalidButAnswerable()
    {
        var text = new StringBuilder(Invite.Replace("Content-Length: 5\n\nv=0\n", "", StringComparison.Ordinal));
        for (var i = 0; i < 200; i++)
        {
            text.Append("X-Filler: ").Append(i).Append('\n');
        }
        text.Append("Content-Length: 0\n\n");

        var result = SipParser.ParseDatagram(Bytes(text.ToString()), new SipParserLimits(65535, 100));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.Equal("too many header lines", result.Error);
        Assert.True(result.CanAnswer400);
        Assert.Equal(100, result.Message!.Headers.Count);
    }

    [Fact]
    public void ParseStream_ContentLengthOverTheLimit_IsTooLargeNotIncomplete()
    {
        var data = Bytes(Invite.Replace("Content-Length: 5", "Content-Length: 70000", StringComparison.Ordinal));

        var result = SipParser.ParseStream(data, new SipParserLimits(65535, 100));

        Assert.Equal(SipParseStatus.Invalid, result.Status);
        Assert.True(result.TooLarge);
        Assert.True(result.CanAnswer400);
    }

    [Fact]
    public void ParseDatagram_OverTheSizeLimit_IsTooLargeWithoutParsing()
    {
        var result = SipParser.ParseDatagram(Bytes(Invite), new SipParserLimits(100, 100));

        Assert.Equal((SipParseStatus.Invalid, true), (result.Status, result.TooLarge));
        Assert.Null(result.Message);
    }

    [Fact]
    public void ParseStream_HeaderSectionOverTheSizeLimit_IsInvalidBeforeItEnds()
    {
        var data = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nSubject: " + new string('a', 5000));

        var result = SipParser.ParseStream(data, new SipParserLimits(4096, 100));

        Assert.Equal((SipParseStatus.Invalid, true), (result.Status, result.TooLarge));
    }
}
