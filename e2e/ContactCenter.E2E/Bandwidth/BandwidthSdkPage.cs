using ContactCenter.E2E.Sfu;

namespace ContactCenter.E2E.Bandwidth;

/// <summary>
/// A page around the unmodified official Bandwidth browser SDK, bundled from npm by test.sh (esbuild, see
/// BandwidthSdk/). The bundle is served to the page by a route on its own URL, and the page itself is written into a
/// real document of the host (loopback), as for <see cref="SfuPage"/>, so that its WebSocket is allowed.
/// </summary>
internal static class BandwidthSdkPage
{
    public const string BundleUrlPath = "/e2e-bandwidth/bandwidth-rtc.js";

    /// <summary>The bundle of the current SDK (0.12.x, protocol v3 with V3 tokens).</summary>
    public const string CurrentSdk = "BandwidthSdk";

    /// <summary>The bundle of the older SDK (0.9.2-beta.1), driven with V2 tokens: device protocol v2.</summary>
    public const string OlderSdk = "BandwidthSdkV2";

    /// <summary>The esbuild output test.sh writes (git-ignored).</summary>
    public static string BundleFile => BundleFileOf(CurrentSdk);

    public static string BundleFileOf(string sdkDirectory) => Path.Combine(
        ContactCenter.Web.HostPaths.ResolveContentRoot([]), "e2e", "ContactCenter.E2E", sdkDirectory, "dist", "bandwidth-rtc.js");

    // The SDK has no getStats: the page records the RTCPeerConnections it creates (a subclass installed before the
    // SDK loads; the SDK itself is untouched) and reads inbound-rtp of the tracks of each remote participant's streams.
    public const string Html = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Bandwidth SDK e2e</title></head>
        <body>
        <div id="media"></div>
        <script type="module">
        const peers = [];
        const Native = window.RTCPeerConnection;
        window.RTCPeerConnection = class extends Native {
          constructor(...args) { super(...args); peers.push(this); }
        };
        const { BandwidthRtc } = await import('/e2e-bandwidth/bandwidth-rtc.js');
        const rtc = new BandwidthRtc();
        const remote = new Map();
        window.rtc = rtc;
        window.bwEvents = [];
        rtc.onStreamAvailable(s => {
          window.bwEvents.push({ type: 'available', endpointId: s.endpointId, alias: s.alias ?? null, participantId: s.participantId ?? null, mediaTypes: s.mediaTypes ?? [] });
          remote.set(s.endpointId, s);
          const element = document.createElement(s.mediaStream.getVideoTracks().length ? 'video' : 'audio');
          element.id = 'remote-' + s.endpointId;
          element.autoplay = true;
          element.muted = true;
          element.playsInline = true;
          element.srcObject = s.mediaStream;
          document.getElementById('media').appendChild(element);
        });
        rtc.onStreamUnavailable(id => {
          window.bwEvents.push({ type: 'unavailable', endpointId: id });
          remote.delete(id);
          document.getElementById('remote-' + id)?.remove();
        });
        window.bwConnect = async (token, websocketUrl) => {
          try {
            await rtc.connect({ deviceToken: token }, { websocketUrl });
            return 'ok';
          } catch (e) {
            return 'error:' + (e?.message ?? JSON.stringify(e));
          }
        };
        window.bwPublish = async (kind, alias) => {
          const constraints = kind === 'video' ? { video: { width: 320, height: 240, frameRate: 15 } } : { audio: true };
          try {
            const stream = await navigator.mediaDevices.getUserMedia(constraints);
            const published = await rtc.publish(stream, undefined, alias);
            return 'ok:' + published.mediaTypes.join(',');
          } catch (e) {
            return 'error:' + (e?.message ?? JSON.stringify(e));
          }
        };
        window.bwStats = async participantId => {
          const tracks = new Set();
          for (const s of remote.values()) {
            if (s.participantId === participantId) s.mediaStream.getTracks().forEach(t => tracks.add(t.id));
          }
          const result = { audioBytes: 0, videoBytes: 0, framesDecoded: 0 };
          for (const pc of peers) {
            if (pc.connectionState === 'closed') continue;
            const report = await pc.getStats();
            report.forEach(r => {
              if (r.type !== 'inbound-rtp' || !tracks.has(r.trackIdentifier)) return;
              if (r.kind === 'audio') result.audioBytes += r.bytesReceived ?? 0;
              else { result.videoBytes += r.bytesReceived ?? 0; result.framesDecoded += r.framesDecoded ?? 0; }
            });
          }
          return result;
        };
        // DTLS role of each connection as the browser sees it: the SDK answers the subscribe offer "passive".
        window.bwDtlsRoles = async () => {
          const roles = [];
          for (const pc of peers) {
            const report = await pc.getStats();
            const receives = [...report.values()].some(r => r.type === 'inbound-rtp');
            report.forEach(r => { if (r.type === 'transport' && r.dtlsRole) roles.push((receives ? 'subscribe:' : 'publish:') + r.dtlsRole); });
          }
          return roles;
        };
        window.bwReady = true;
        </script>
        </body>
        </html>
        """;
}
