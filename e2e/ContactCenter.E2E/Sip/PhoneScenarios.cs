namespace ContactCenter.E2E.Sip;

/// <summary>sipp scenarios of the phone e2e (written to a temp file per run).</summary>
internal static class PhoneScenarios
{
    private const string Invite = """
          INVITE sip:cc@[remote_ip]:[remote_port] SIP/2.0
          Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
          From: "e2e phone" <sip:+15550003333@[local_ip]:[local_port]>;tag=[pid]E2eTag[call_number]
          To: <sip:cc@[remote_ip]:[remote_port]>
          Call-ID: [call_id]
          CSeq: 1 INVITE
          Contact: <sip:sipp@[local_ip]:[local_port]>
          Max-Forwards: 70
          User-To-User: [token];encoding=jwt
          Content-Type: application/sdp
          Content-Length: [len]

          v=0
          o=sipp 1 1 IN IP4 127.0.0.1
          s=-
          c=IN IP4 127.0.0.1
          t=0 0
          m=audio MEDIAPORT RTP/AVP 0 101
          a=rtpmap:0 PCMU/8000
          a=rtpmap:101 telephone-event/8000
          a=fmtp:101 0-15
          a=ptime:20

        """;

    private const string Answer = """
      <recv response="100" optional="true"/>
      <recv response="180" optional="true"/>
      <recv response="200" rrs="true"/>
      <send>
        <![CDATA[

          ACK [next_url] SIP/2.0
          Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
          From: "e2e phone" <sip:+15550003333@[local_ip]:[local_port]>;tag=[pid]E2eTag[call_number]
          To: <sip:cc@[remote_ip]:[remote_port]>[peer_tag_param]
          Call-ID: [call_id]
          CSeq: 1 ACK
          Max-Forwards: 70
          Content-Length: 0

        ]]>
      </send>
    """;

    /// <summary>Calls with its media at [phone_port] (the test's own RTP endpoint) and stays until the server hangs up.</summary>
    public static readonly string UntilServerBye = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="Phone with external media until the server hangs up">
          <send retrans="500">
            <![CDATA[

        {{Invite.Replace("MEDIAPORT", "[phone_port]", StringComparison.Ordinal)}}
            ]]>
          </send>
        {{Answer}}
          <recv request="BYE"/>
          <send>
            <![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
        </scenario>
        """;

    /// <summary>
    /// A phone behind NAT: its SDP names 127.0.0.99:[nat_port], where nothing listens, while its RTP really comes
    /// from the test's endpoint; stays until the server hangs up.
    /// </summary>
    public static readonly string BehindNat = UntilServerBye
        .Replace("c=IN IP4 127.0.0.1", "c=IN IP4 127.0.0.99", StringComparison.Ordinal)
        .Replace("m=audio [phone_port] ", "m=audio [nat_port] ", StringComparison.Ordinal);

    /// <summary>Calls, sends RFC 4733 digits 1, 2, 3 and # from sipp's own media port (Debian's pcaps), and hangs up.</summary>
    public static readonly string Digits = $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="Phone sends DTMF">
          <send retrans="500">
            <![CDATA[

        {{Invite.Replace("MEDIAPORT", "[media_port]", StringComparison.Ordinal)}}
            ]]>
          </send>
        {{Answer}}
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_1.pcap"/></action></nop>
          <pause milliseconds="400"/>
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_2.pcap"/></action></nop>
          <pause milliseconds="400"/>
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_3.pcap"/></action></nop>
          <pause milliseconds="400"/>
          <nop><action><exec play_pcap_audio="/usr/share/sip-tester/dtmf_2833_pound.pcap"/></action></nop>
          <pause milliseconds="600"/>
          <send retrans="500">
            <![CDATA[

              BYE [next_url] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport
              From: "e2e phone" <sip:+15550003333@[local_ip]:[local_port]>;tag=[pid]E2eTag[call_number]
              To: <sip:cc@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200" crlf="true"/>
        </scenario>
        """;
}
