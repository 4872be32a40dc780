namespace ContactCenter.SfuMeasure;

/// <summary>The SDK page, plus a watcher that notes (Date.now) the first decoded frame from a participant.</summary>
internal static class MeasurePage
{
    public const string Html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>SFU measure</title></head>
        <body><div id="media"></div>
        <script type="module">
        import { ContactCenterRtc } from '/js/contactcenter-rtc.js';
        const rtc = new ContactCenterRtc();
        window.rtc = rtc;
        rtc.onStreamAvailable(s => {
          const element = document.createElement(s.mediaTypes[0] === 'VIDEO' ? 'video' : 'audio');
          element.autoplay = true; element.muted = true; element.playsInline = true;
          element.srcObject = s.mediaStream;
          document.getElementById('media').appendChild(element);
        });
        window.ccPublish = async (kind, alias) => {
          const constraints = kind === 'video' ? { video: { width: 320, height: 240, frameRate: 30 } } : { audio: true };
          await rtc.publish(await navigator.mediaDevices.getUserMedia(constraints), alias);
        };
        window.ccFrames = async pid => (await rtc.getStats(pid)).video.framesDecoded;
        window.ccWatchFirstFrame = pid => {
          window.ccFirstFrame = (async () => {
            for (;;) {
              if ((await rtc.getStats(pid)).video.framesDecoded > 0) return Date.now();
              await new Promise(r => setTimeout(r, 2));
            }
          })();
        };
        window.ccJoin = async (token, pid) => {
          await rtc.disconnect();
          const start = Date.now();
          await rtc.connect(token);
          for (;;) {
            if ((await rtc.getStats(pid)).video.framesDecoded > 0) return Date.now() - start;
            await new Promise(r => setTimeout(r, 2));
          }
        };
        window.ccReady = true;
        </script></body></html>
        """;
}
