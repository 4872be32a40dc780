using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipSerializerTests
{
    [Fact]
    public void Serialize_Request_RoundTripsThroughParser()
    {
        var request = SipMessage.CreateRequest("BYE", "sip:alice@192.0.2.1:5060")
            .AddHeader("v", "SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bKabc;rport")
            .AddHeader("From", "<sip:cc@192.0.2.2>;tag=a")
            .AddHeader("To", "<sip:alice@192.0.2.1>;tag=b")
            .AddHeader("Call-ID", "xyz")
            .AddHeader("CSeq", "2 BYE");
        request.Body = Encoding.UTF8.GetBytes("hello");

        var bytes = SipSerializer.Serialize(request);
        var text = Encoding.UTF8.GetString(bytes);
        var parsed = SipParser.ParseDatagram(bytes);

        Assert.StartsWith("BYE sip:alice@192.0.2.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP", text, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 5\r\n\r\nhello", text, StringComparison.Ordinal);
        Assert.Equal(SipParseStatus.Ok, parsed.Status);
        Assert.Equal("xyz", parsed.Message!.CallId);
        Assert.Equal("hello", Encoding.UTF8.GetString(parsed.Message.Body));
    }

    [Fact]
    public void CreateResponseTo_CopiesViasInOrderAndAddsToTag()
    {
        var request = SipParser.ParseDatagram(Encoding.UTF8.GetBytes(
            "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP p1;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP p2;branch=z9hG4bK2\r\n" +
            "From: <sip:x@y>;tag=f\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 7 INVITE\r\nContent-Length: 0\r\n\r\n")).Message!;

        var trying = request.CreateResponseTo(100, "Trying", "t1");
        var ok = request.CreateResponseTo(200, "OK", "t1");
        var text = Encoding.UTF8.GetString(SipSerializer.Serialize(ok));

        Assert.Null(trying.ToTag);
        Assert.Equal("t1", ok.ToTag);
        Assert.StartsWith("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP p1;branch=z9hG4bK1\r\nVia: SIP/2.0/UDP p2;branch=z9hG4bK2\r\n", text, StringComparison.Ordinal);
        Assert.Equal(new SipCSeq(7, "INVITE"), ok.CSeq);
    }
}
