namespace ContactCenter.E2E.Media;

/// <summary>
/// The test page, served by Playwright's route interception at an http://127.0.0.1 URL of the host (a secure
/// context, same origin as the echo endpoint), so nothing test-only lands in the product's wwwroot.
/// </summary>
internal static class EchoPage
{
    public const string Path = "/e2e/echo.html";

    public const string Html = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>ContactCenter echo e2e</title>
        <style>body{font-family:sans-serif;background:#222;color:#eee} video{width:320px;height:240px;background:#000;margin:4px}</style>
        </head>
        <body>
        <h3>Echo through ContactCenter SFU (local | echoed)</h3>
        <video id="local" autoplay muted playsinline></video>
        <video id="remote" autoplay muted playsinline></video>
        <pre id="status"></pre>
        <script>
        window.runEcho = async (profile, tamperFingerprint) => {
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
          document.getElementById('local').srcObject = stream;
          const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
          window.pc = pc;
          const remote = new MediaStream();
          pc.ontrack = e => { remote.addTrack(e.track); document.getElementById('remote').srcObject = remote; };
          for (const track of stream.getTracks()) {
            pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
          }
          const offer = await pc.createOffer();
          await pc.setLocalDescription(offer);
          let sent = offer.sdp;
          if (tamperFingerprint) {
            // Claim a certificate we do not have: the server must refuse the DTLS handshake.
            sent = sent.replace(/a=fingerprint:sha-256 [0-9A-F:]+/g,
              'a=fingerprint:sha-256 ' + Array(32).fill('AB').join(':'));
          }
          const response = await fetch('/dev/echo/offer?profile=' + profile, {
            method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: sent });
          const answer = await response.text();
          if (!response.ok) { throw new Error('offer rejected: ' + response.status + ' ' + answer); }
          await pc.setRemoteDescription({ type: 'answer', sdp: answer });
          return { offer: offer.sdp, answer };
        };
        window.runServerOffer = async (profile) => {
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
          document.getElementById('local').srcObject = stream;
          const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle' });
          window.pc = pc;
          const remote = new MediaStream();
          pc.ontrack = e => { remote.addTrack(e.track); document.getElementById('remote').srcObject = remote; };
          const response = await fetch('/dev/echo/server-offer?profile=' + profile, { method: 'POST' });
          if (!response.ok) { throw new Error('server offer failed: ' + response.status); }
          const { id, sdp } = await response.json();
          await pc.setRemoteDescription({ type: 'offer', sdp });
          for (const transceiver of pc.getTransceivers()) {
            const track = stream.getTracks().find(t => t.kind === transceiver.receiver.track.kind);
            if (track) {
              await transceiver.sender.replaceTrack(track);
              transceiver.sender.setStreams(stream);
              transceiver.direction = 'sendrecv';
            }
          }
          const answer = await pc.createAnswer();
          // As the Bandwidth SDK does: answer passive, so the server is the DTLS client.
          const sdpAnswer = answer.sdp.replace(/a=setup:(active|actpass)/g, 'a=setup:passive');
          await pc.setLocalDescription({ type: 'answer', sdp: sdpAnswer });
          const posted = await fetch('/dev/echo/server-answer?id=' + encodeURIComponent(id), {
            method: 'POST', headers: { 'Content-Type': 'application/sdp' }, body: sdpAnswer });
          if (!posted.ok) { throw new Error('answer rejected: ' + posted.status + ' ' + await posted.text()); }
          return { offer: sdp, answer: sdpAnswer };
        };
        window.echoStats = async () => {
          const result = { state: window.pc.connectionState, iceState: window.pc.iceConnectionState,
            audioBytesReceived: 0, videoFramesDecoded: 0, srtpCipher: '', dtlsCipher: '', dtlsRole: '' };
          const stats = await window.pc.getStats();
          stats.forEach(s => {
            if (s.type === 'inbound-rtp' && s.kind === 'audio') result.audioBytesReceived += s.bytesReceived || 0;
            if (s.type === 'inbound-rtp' && s.kind === 'video') result.videoFramesDecoded += s.framesDecoded || 0;
            if (s.type === 'transport') {
              result.srtpCipher = s.srtpCipher || ''; result.dtlsCipher = s.dtlsCipher || ''; result.dtlsRole = s.dtlsRole || '';
            }
          });
          document.getElementById('status').textContent = JSON.stringify(result, null, 1);
          return result;
        };
        </script>
        </body>
        </html>
        """;
}
