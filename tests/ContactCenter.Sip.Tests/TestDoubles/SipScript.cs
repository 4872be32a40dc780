using System.Globalization;

namespace ContactCenter.Sip.Tests.TestDoubles;

/// <summary>Builds the requests a phone would send.</summary>
internal static class SipScript
{
    public static string Sdp(int rtpPort, string direction = "sendrecv", string payloads = "8 0 101") =>
        "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {rtpPort} RTP/AVP {payloads}\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
        $"a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na={direction}\r\n";

    public static string Invite(SipTestClient c, string callId, string branch, string? uui = null, string? sdp = null,
        int cseq = 1, string? toTag = null, string? extraHeaders = null)
    {
        var body = sdp ?? Sdp(c.Port + 2);
        return $"INVITE sip:cc@127.0.0.1 SIP/2.0\n{c.Via(branch)}\nMax-Forwards: 70\n" +
               $"From: \"Caller\" <sip:+15551230000@127.0.0.1>;tag=phone1\nTo: <sip:cc@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}\n" +
               $"Call-ID: {callId}\nCSeq: {cseq.ToString(CultureInfo.InvariantCulture)} INVITE\nContact: <sip:phone@127.0.0.1:{c.Port}>\n" +
               (uui is null ? "" : $"User-To-User: {uui}\n") + (extraHeaders ?? "") +
               $"Content-Type: application/sdp\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\n\n{body}";
    }

    public static string InDialog(SipTestClient c, string method, string callId, string branch, string toTag, int cseq,
        string cseqMethod = "") =>
        $"{method} sip:cc@127.0.0.1 SIP/2.0\n{c.Via(branch)}\nMax-Forwards: 70\n" +
        $"From: \"Caller\" <sip:+15551230000@127.0.0.1>;tag=phone1\nTo: <sip:cc@127.0.0.1>;tag={toTag}\n" +
        $"Call-ID: {callId}\nCSeq: {cseq.ToString(CultureInfo.InvariantCulture)} {(cseqMethod.Length == 0 ? method : cseqMethod)}\nContent-Length: 0\n\n";

    public static string Options(SipTestClient c, string branch, string method = "OPTIONS") =>
        $"{method} sip:cc@127.0.0.1 SIP/2.0\n{c.Via(branch)}\nMax-Forwards: 70\nFrom: <sip:ping@127.0.0.1>;tag=o1\n" +
        $"To: <sip:cc@127.0.0.1>\nCall-ID: {branch}-call\nCSeq: 1 {method}\nContent-Length: 0\n\n";
}
