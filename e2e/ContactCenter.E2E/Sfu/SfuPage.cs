namespace ContactCenter.E2E.Sfu;

/// <summary>
/// A minimal page around the product's SDK (<c>/js/contactcenter-rtc.js</c>), written into a document of the host
/// (http://127.0.0.1), so that nothing test-only lands in wwwroot. It exposes small helpers the
/// tests call with EvaluateAsync.
/// </summary>
internal static class SfuPage
{
    /// <summary>A static file of the host; the test page is written into its document (same origin, loopback).</summary>
    public const string AnchorPath = "/lib/signalr/LICENSE.txt";

    public const string Html = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>ContactCenter SFU e2e</title></head>
        <body>
        <div id="media"></div>
        <script type="module">
        import { ContactCenterRtc } from '/js/contactcenter-rtc.js';
        const rtc = new ContactCenterRtc();
        window.rtc = rtc;
        window.ccEvents = [];
        rtc.onStreamAvailable(s => {
          window.ccEvents.push({ type: 'available', participantId: s.participantId, alias: s.alias, mediaTypes: s.mediaTypes });
          const element = document.createElement(s.mediaTypes[0] === 'VIDEO' ? 'video' : 'audio');
          element.id = 'remote-' + s.streamId;
          element.autoplay = true;
          element.muted = true;
          element.playsInline = true;
          element.srcObject = s.mediaStream;
          document.getElementById('media').appendChild(element);
        });
        rtc.onStreamUnavailable(s => {
          window.ccEvents.push({ type: 'unavailable', participantId: s.participantId, alias: s.alias });
          document.getElementById('remote-' + s.streamId)?.remove();
        });
        window.ccConnect = async (token, options) => {
          try {
            const info = await rtc.connect(token, options ?? {});
            return 'ok:' + info.participantId;
          } catch (e) {
            return 'error:' + e.message;
          }
        };
        window.ccPublish = async (kind, alias) => {
          const constraints = kind === 'video' ? { video: { width: 320, height: 240, frameRate: 15 } } : { audio: true };
          const stream = await navigator.mediaDevices.getUserMedia(constraints);
          try {
            await rtc.publish(stream, alias);
            return 'ok';
          } catch (e) {
            stream.getTracks().forEach(t => t.stop());
            return 'error:' + e.message;
          }
        };
        window.ccStats = async participantId => {
          const s = await rtc.getStats(participantId);
          return { audioBytes: s.audio.bytesReceived, videoBytes: s.video.bytesReceived, framesDecoded: s.video.framesDecoded };
        };
        window.ccReady = true;
        </script>
        </body>
        </html>
        """;
}
