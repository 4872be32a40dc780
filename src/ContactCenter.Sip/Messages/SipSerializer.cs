using System.Globalization;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>Writes a message in the canonical long-name form with a computed Content-Length (RFC 3261 §7, §20.14).</summary>
public static class SipSerializer
{
    public static byte[] Serialize(SipMessage message)
    {
        var sb = new StringBuilder(512);
        if (message.IsRequest)
        {
            sb.Append(message.Method).Append(' ').Append(message.RequestUri).Append(" SIP/2.0\r\n");
        }
        else
        {
            sb.Append("SIP/2.0 ").Append(message.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ')
              .Append(message.ReasonPhrase).Append("\r\n");
        }
        foreach (var h in message.Headers)
        {
            if (h.Name == SipHeaderNames.ContentLength)
            {
                continue;
            }
            sb.Append(h.Name).Append(": ").Append(h.Value).Append("\r\n");
        }
        sb.Append("Content-Length: ").Append(message.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetByteCount(sb.ToString());
        var bytes = new byte[head + message.Body.Length];
        Encoding.UTF8.GetBytes(sb.ToString(), bytes);
        message.Body.CopyTo(bytes, head);
        return bytes;
    }
}
