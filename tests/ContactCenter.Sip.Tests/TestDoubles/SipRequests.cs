using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.TestDoubles;

internal static class SipRequests
{
    public static SipMessage Parse(string text) =>
        SipParser.ParseDatagram(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).Message
        ?? throw new InvalidOperationException("test message does not parse");

    public static SipMessage Invite(string branch = "z9hG4bKinv1") => Parse(
        "INVITE sip:cc@127.0.0.1 SIP/2.0\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5099;branch={branch}\n" +
        "From: <sip:alice@127.0.0.1>;tag=f1\nTo: <sip:cc@127.0.0.1>\nCall-ID: call-1\nCSeq: 1 INVITE\nContent-Length: 0\n\n");

    public static SipMessage Bye(string branch = "z9hG4bKbye1") => Parse(
        "BYE sip:cc@127.0.0.1 SIP/2.0\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5099;branch={branch}\n" +
        "From: <sip:alice@127.0.0.1>;tag=f1\nTo: <sip:cc@127.0.0.1>;tag=t1\nCall-ID: call-1\nCSeq: 2 BYE\nContent-Length: 0\n\n");
}
