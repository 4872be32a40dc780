using ContactCenter.Sip;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Fuzz.Harnesses;

/// <summary>
/// SIP messages (RFC 3261 §7, §25) over both transports: the input is parsed as one UDP datagram, then delivered
/// as a TCP byte stream in two reads and framed by Content-Length exactly as <c>SipUserAgent.TcpReadLoopAsync</c>
/// does (re-parse from the buffer's start, shift what was consumed, grow up to the limit, close after Invalid).
/// Every parsed message, including the partial one of an Invalid result, goes through what the user agent reads
/// from it (Via, CSeq, From/To and their tags, URIs, Contact, User-To-User) and the 400 it would answer.
/// A stream parse that returns a message without consuming bytes would spin the read loop forever; the harness
/// reports that as a crash.
/// </summary>
internal static class SipHarness
{
    private const int InitialStreamBuffer = 16 * 1024;

    public static bool Run(ReadOnlySpan<byte> input)
    {
        var datagram = SipParser.ParseDatagram(input);
        Inspect(datagram);
        FrameStream(input);
        return datagram.Status == SipParseStatus.Ok;
    }

    private static void FrameStream(ReadOnlySpan<byte> input)
    {
        var buffer = new byte[InitialStreamBuffer];
        int filled = 0;
        int offset = 0;
        int readSize = Math.Max(1, (input.Length + 1) / 2);
        while (offset < input.Length)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= SipParser.MaxHeaderBytes + SipParser.MaxBodyBytes)
                {
                    return;
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = Math.Min(Math.Min(readSize, input.Length - offset), buffer.Length - filled);
            input.Slice(offset, read).CopyTo(buffer.AsSpan(filled));
            offset += read;
            filled += read;
            while (filled > 0)
            {
                var parsed = SipParser.ParseStream(buffer.AsSpan(0, filled));
                if (parsed.Status == SipParseStatus.Incomplete)
                {
                    Shift(buffer, ref filled, parsed.Consumed);
                    break;
                }

                Inspect(parsed);
                if (parsed.Status == SipParseStatus.Invalid)
                {
                    return;
                }

                if (parsed.Consumed <= 0)
                {
                    throw new InvalidOperationException("ParseStream returned a message without consuming bytes; the TCP read loop would never end.");
                }

                Shift(buffer, ref filled, parsed.Consumed);
            }
        }
    }

    private static void Shift(byte[] buffer, ref int filled, int consumed)
    {
        if (consumed <= 0)
        {
            return;
        }

        consumed = Math.Min(consumed, filled);
        Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
        filled -= consumed;
    }

    private static void Inspect(SipParseResult parsed)
    {
        _ = parsed.CanAnswer400;
        if (parsed.Message is not { } message)
        {
            return;
        }

        _ = message.ToString();
        _ = message.CallId;
        _ = message.CSeq;
        _ = message.FromTag;
        _ = message.ToTag;
        if (SipNameAddr.TryParse(message.From, out var from))
        {
            _ = SipUri.TryParse(from.Uri, out _);
        }

        if (SipNameAddr.TryParse(message.GetHeader(SipHeaderNames.Contact), out var contact))
        {
            _ = SipUri.TryParse(contact.Uri, out _);
        }

        if (message.TopVia is { } via)
        {
            _ = via.Branch;
            _ = via.SentBy;
            _ = via.HasRport;
            message.ReplaceTopVia(via.WithReceived("127.0.0.1", 5060).ToString());
        }

        if (message.IsRequest)
        {
            _ = SipUri.TryParse(message.RequestUri, out _);
            _ = UserToUserToken.TryExtract(message.GetHeaders(SipHeaderNames.UserToUser), out _, out _);
            var response = message.CreateResponseTo(400, "Bad Request", "fuzz");
            response.AddHeader("Warning", "399 contactcenter \"fuzz\"");
            _ = SipSerializer.Serialize(response);
        }

        _ = SipSerializer.Serialize(message);
    }
}
