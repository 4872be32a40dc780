using System.Diagnostics.Metrics;

namespace ContactCenter.Sip.Limits;

/// <summary>
/// The SIP user agent's instruments on the meter "ContactCenter.Sip", for any metrics exporter
/// (OpenTelemetry, dotnet-counters). Each user agent owns one meter (from the host's IMeterFactory when there is one).
/// </summary>
internal sealed class SipMetrics : IDisposable
{
    public const string MeterName = "ContactCenter.Sip";

    private readonly Counter<long> _invitesRefused;
    private readonly Counter<long> _tcpRefused;
    private readonly Counter<long> _tcpDropped;
    private readonly bool _ownsMeter;

    public SipMetrics(IMeterFactory? factory)
    {
        Meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _ownsMeter = factory is null;
        _invitesRefused = Meter.CreateCounter<long>("contactcenter.sip.invites.refused", "{invite}",
            "INVITEs refused before the call handler saw them: reason rate_limit (answered 503 or, over the answer rate, not at all).");
        _tcpRefused = Meter.CreateCounter<long>("contactcenter.sip.tcp.connections.refused", "{connection}",
            "TCP connections closed on accept: reason total or per_address limit.");
        _tcpDropped = Meter.CreateCounter<long>("contactcenter.sip.tcp.connections.dropped", "{connection}",
            "TCP connections the server closed: reason idle, message_timeout, too_large, send_queue_full, send_timeout.");
    }

    public Meter Meter { get; }

    public void InviteRateLimited(bool answered) =>
        _invitesRefused.Add(1, new KeyValuePair<string, object?>("reason", "rate_limit"), new KeyValuePair<string, object?>("answered", answered));

    public void TcpRefused(string reason) => _tcpRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void TcpDropped(string reason) => _tcpDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
