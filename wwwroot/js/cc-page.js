// Page-side helpers of the ContactCenter pages (loaded as an ES module by the Blazor components).
// They own the local capture (microphone, camera, screen), hand the streams to the browser SDK
// (contactcenter-rtc.js, ContactCenterRtc) and play what the server forwards. The server decides who hears whom:
// this file only publishes and plays. Without the SDK file every call still works and reports { sdk: false }.

const local = { microphone: null, camera: null, screenShare: null };
let rtc = null;
let flowWatch = null;
const resumeKey = 'cc-call-resume';

/**
 * While this page is in a call and its Blazor circuit is lost (the server restarted, or the network went), the page
 * reloads as soon as the server answers again: a restarted server has forgotten the circuit, and the reloaded page
 * rejoins its call (the desk and console find it; the customer's page resumes with its secret).
 */
function reloadWhenServerIsBack() {
    const banner = document.getElementById('components-reconnect-modal');
    const lost = banner && /components-reconnect-(show|failed|rejected|retrying)/.test(banner.className);
    if (lost && rtc) {
        location.reload();
    }
}

let screenShareEnded = null;   // the .NET object told when the person stops sharing from the browser's own bar

// Video tiles (a <figure> with a <video>): received camera/screen streams go into the page's element marked
// data-cc-video-stage, local previews into data-cc-local-stage. Blazor renders those elements empty and may render them
// later than a stream arrives (or anew after a navigation), so tiles wait here and a MutationObserver places them.
const tiles = new Map();       // key -> { figure, stage: 'remote' | 'local' }
let placer = null;

const captions = { camera: 'camera', screenShare: 'screen' };

function placeTiles() {
    for (const { figure, stage } of tiles.values()) {
        const target = document.querySelector(stage === 'local' ? '[data-cc-local-stage]' : '[data-cc-video-stage]');
        if (target && figure.parentElement !== target) {
            target.appendChild(figure);
            // The stage says whose video it shows ("Your agent's"), since only the page knows who publishes.
            const caption = figure.querySelector('figcaption');
            if (stage === 'remote' && caption) {
                const what = captions[figure.dataset.ccAlias] || 'video';
                const whose = target.dataset.ccCaption;
                caption.textContent = whose ? `${whose} ${what}` : what.charAt(0).toUpperCase() + what.slice(1);
            }
        }
    }
}

function addTile(key, stage, mediaStream, caption, attributes) {
    removeTile(key);
    const figure = document.createElement('figure');
    figure.className = 'cc-video-tile' + (stage === 'local' ? ' cc-local' : '');
    figure.dataset.ccAlias = attributes.ccAlias || attributes.ccLocal || '';
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.muted = true;               // the sound comes through the audio elements
    video.srcObject = mediaStream;
    Object.assign(video.dataset, attributes);
    const label = document.createElement('figcaption');
    label.textContent = caption;
    figure.append(video, label);
    tiles.set(key, { figure, stage });
    video.play().catch(() => { /* muted video may autoplay; otherwise it starts on the next click */ });
    if (!placer) {
        placer = new MutationObserver(placeTiles);
        placer.observe(document.body, { childList: true, subtree: true });
    }
    placeTiles();
}

function removeTile(key) {
    const tile = tiles.get(key);
    if (!tile) return;
    tiles.delete(key);
    const video = tile.figure.querySelector('video');
    if (video) video.srcObject = null;
    tile.figure.remove();
    if (tiles.size === 0 && placer) {
        placer.disconnect();
        placer = null;
    }
}

function showLocal(alias) {
    const stream = local[alias];
    if (!stream) return;
    const caption = alias === 'camera' ? 'Your camera (preview)' : 'Your screen, as the customer sees it';
    addTile('local-' + alias, 'local', stream, caption, { ccLocal: alias });
}

async function loadSdk() {
    try {
        return await import(new URL('./contactcenter-rtc.js', import.meta.url).href);
    } catch {
        return null;
    }
}

/** Plays a received audio stream in a hidden element; a received video (camera, screen) becomes a tile. */
function play(stream) {
    if (stream.mediaStream && stream.mediaStream.getVideoTracks().length > 0) {
        addTile('remote-' + stream.streamId, 'remote', stream.mediaStream, captions[stream.alias] || 'video',
            { ccRemote: 'true', ccParticipant: stream.participantId || '', ccAlias: stream.alias || '' });
        return;
    }
    const tracks = stream.mediaStream ? stream.mediaStream.getAudioTracks() : [];
    if (tracks.length === 0) return;
    let element = document.getElementById('cc-audio-' + stream.streamId);
    if (!element) {
        element = document.createElement('audio');
        element.id = 'cc-audio-' + stream.streamId;
        element.autoplay = true;
        element.hidden = true;
        element.dataset.ccRemote = 'true';
        element.dataset.ccParticipant = stream.participantId || '';
        document.body.appendChild(element);
    }
    element.srcObject = stream.mediaStream;
    element.play().catch(() => { /* autoplay waits for the first click */ });
}

function unplay(stream) {
    removeTile('remote-' + stream.streamId);
    const element = document.getElementById('cc-audio-' + stream.streamId);
    if (element) {
        element.srcObject = null;
        element.remove();
    }
}

function describe(error) {
    if (!error) return "unknown error";
    if (error.name === "NotAllowedError") return "Permission was refused. Allow it in the browser's address bar and try again.";
    if (error.name === "NotFoundError") return "No such device was found.";
    return error.message || String(error);
}

function stop(alias) {
    removeTile('local-' + alias);
    const stream = local[alias];
    if (stream) {
        stream.getTracks().forEach(t => t.stop());
        local[alias] = null;
    }
}

async function publish(alias) {
    if (rtc && local[alias]) {
        await rtc.publish(local[alias], alias);
    }
}

async function unpublish(alias) {
    if (rtc) {
        await rtc.unpublish(alias);
    }
}

/** Asks for the microphone (the browser's permission prompt). */
export async function requestMicrophone() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        return { granted: false, error: "This browser cannot capture audio (a secure https:// page is needed)." };
    }
    try {
        if (!local.microphone) {
            local.microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
        }
        return { granted: true, error: null };
    } catch (e) {
        return { granted: false, error: describe(e) };
    }
}

/**
 * Joins the media plane with a participant token and publishes the microphone. With dotnet (a .NET object
 * reference), its OnMediaState(state, detail) hears 'reconnecting' until audio arrives, then 'flowing'; again
 * 'reconnecting' while the SDK recovers from a lost network or server, and 'failed' when it gave up.
 */
export async function connectMedia(token, dotnet) {
    const sdk = await loadSdk();
    if (!sdk || !token) {
        return { sdk: false };
    }
    if (rtc) {
        await stopSdk();
    }
    const client = new sdk.ContactCenterRtc();
    client.onStreamAvailable(play);
    client.onStreamUnavailable(unplay);
    client.onStateChange(change => {
        if (change.state === 'connected' && rtc === client) {
            reloadWhenServerIsBack();
        }
        if (change.state === 'reconnecting') {
            watchFlow(client, dotnet);
        }
        if (change.state === 'failed') {
            report(dotnet, 'failed', change.detail);
        }
    });
    await client.connect(token);
    rtc = client;
    await publish("microphone");
    watchFlow(client, dotnet);
    return { sdk: true };
}

function report(dotnet, state, detail) {
    if (dotnet) {
        dotnet.invokeMethodAsync('OnMediaState', state, detail ?? null).catch(() => { /* the circuit is gone */ });
    }
}

/** Reports 'reconnecting' until the bytes of received audio grow, then 'flowing' (and stops watching). */
/**
 * Media that has not connected (ICE) this long after joining is blocked by the network: the page says so rather
 * than "Connected", and keeps watching (it turns back when ICE connects or audio flows).
 */
const blockedAfterMs = 10000;

async function iceConnected(client) {
    const info = await client.getConnectionInfo();
    const up = c => c && (c.iceState === 'connected' || c.iceState === 'completed');
    return up(info.publish) || up(info.subscribe);
}

function watchFlow(client, dotnet) {
    clearInterval(flowWatch);
    report(dotnet, 'reconnecting');
    let last = -1;
    let blocked = false;
    const started = Date.now();
    flowWatch = setInterval(async () => {
        if (rtc !== client) {
            clearInterval(flowWatch);
            return;
        }
        let bytes = 0;
        let connected = false;
        try {
            const stats = await client.getStats();
            for (const id in stats) bytes += stats[id].audio.bytesReceived;
            connected = await iceConnected(client);
        } catch { return; }
        if (last >= 0 && bytes > last) {
            clearInterval(flowWatch);
            report(dotnet, 'flowing');
        } else if (!blocked && !connected && Date.now() - started >= blockedAfterMs) {
            blocked = true;
            report(dotnet, 'blocked');
        } else if (blocked && connected) {
            blocked = false;
            report(dotnet, 'reconnecting');
        }
        last = bytes;
    }, 250);
}

/** Keeps the customer's resume secret in this tab only (sessionStorage survives a reload, not a new tab). */
export function saveResume(callId, secret) {
    try { sessionStorage.setItem(resumeKey, JSON.stringify({ callId, secret })); } catch { /* storage off */ }
}

export function loadResume() {
    try { return JSON.parse(sessionStorage.getItem(resumeKey) ?? 'null'); } catch { return null; }
}

export function clearResume() {
    try { sessionStorage.removeItem(resumeKey); } catch { /* storage off */ }
}

/**
 * The random id this browser keeps across calls (localStorage), so that an agent sees the caller's earlier calls.
 * Null when storage is off: the caller then has no history.
 */
export function callerBrowserId() {
    try {
        let id = localStorage.getItem('cc-caller-id');
        if (!id) {
            const bytes = crypto.getRandomValues(new Uint8Array(16));
            id = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
            localStorage.setItem('cc-caller-id', id);
        }
        return id;
    } catch { return null; }
}

/** The participant this page's media is connected as (null without a connection), for diagnostics and tests. */
export function mediaParticipant() {
    return rtc ? rtc.participantId : null;
}

/** The SDK's getStats() (inbound/outbound per stream), for diagnostics and tests; null without a connection. */
export async function mediaStats() {
    return rtc ? await rtc.getStats() : null;
}

async function stopSdk() {
    const client = rtc;
    rtc = null;
    clearInterval(flowWatch);
    if (client) {
        try { await client.disconnect(); } catch { /* already gone */ }
    }
    document.querySelectorAll('audio[data-cc-remote]').forEach(a => { a.srcObject = null; a.remove(); });
    [...tiles.keys()].filter(k => k.startsWith('remote-')).forEach(removeTile);
}

/**
 * What the devices really do, for a page that comes back during a call (the module outlives Blazor's pages):
 * { connected, microphoneMuted, camera, screenShare }. dotnet, when given, is told when screen sharing ends.
 */
export function mediaState(dotnet) {
    if (dotnet) screenShareEnded = dotnet;
    const microphone = local.microphone ? local.microphone.getAudioTracks() : [];
    return {
        connected: !!rtc,
        microphoneMuted: microphone.length > 0 && microphone.every(t => !t.enabled),
        camera: !!local.camera,
        screenShare: !!local.screenShare,
    };
}

export function setMicrophoneEnabled(enabled) {
    if (local.microphone) {
        local.microphone.getAudioTracks().forEach(t => { t.enabled = enabled; });
    }
    return { ok: true, error: null };
}

export async function setCameraEnabled(enabled) {
    try {
        if (enabled && !local.camera) {
            local.camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
            showLocal("camera");
            await publish("camera");
        } else if (!enabled) {
            await unpublish("camera");
            stop("camera");
        }
        return { ok: true, error: null };
    } catch (e) {
        return { ok: false, error: describe(e) };
    }
}

/** Shares the screen as the "screenShare" stream; calls back when the user stops it from the browser's own bar. */
export async function setScreenShare(enabled, dotnet) {
    try {
        if (enabled && !local.screenShare) {
            if (dotnet) screenShareEnded = dotnet;
            local.screenShare = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
            local.screenShare.getVideoTracks().forEach(t => t.addEventListener("ended", () => {
                stop("screenShare");
                unpublish("screenShare");
                if (screenShareEnded) screenShareEnded.invokeMethodAsync("OnScreenShareEnded").catch(() => { /* that page is gone */ });
            }));
            showLocal("screenShare");
            await publish("screenShare");
        } else if (!enabled) {
            await unpublish("screenShare");
            stop("screenShare");
        }
        return { ok: true, error: null };
    } catch (e) {
        return { ok: false, error: describe(e) };
    }
}

/** Leaves the media plane and releases every device. */
export async function stopMedia() {
    await stopSdk();
    stop("microphone");
    stop("camera");
    stop("screenShare");
}
