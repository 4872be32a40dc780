using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.TestDoubles;

/// <summary>Captures what a transaction sends.</summary>
internal sealed class RecordingFlow(bool reliable = false) : ISipFlow
{
    private readonly List<string> _sent = [];

    public bool IsReliable => reliable;
    public string Transport => reliable ? "TCP" : "UDP";
    public IPEndPoint Remote { get; } = new(IPAddress.Loopback, 5099);
    public IPEndPoint Local { get; } = new(IPAddress.Loopback, 5060);

    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public IEnumerable<int> SentStatusCodes => Sent.Select(s => SipParser.ParseDatagram(Encoding.UTF8.GetBytes(s)).Message!)
        .Where(m => !m.IsRequest).Select(m => m.StatusCode);

    public void Send(ReadOnlySpan<byte> data)
    {
        lock (_sent)
        {
            _sent.Add(Encoding.UTF8.GetString(data));
        }
    }
}
