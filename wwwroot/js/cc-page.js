// Page-side helpers of the ContactCenter pages (loaded as an ES module by the Blazor components).
// They own the local capture (microphone, camera, screen) and hand streams to the browser SDK when it is present:
// window.ContactCenterRtc from contactcenter-rtc.js (the SFU's SDK). Without the SDK every call here still works and
// reports { sdk: false }, so the pages run before the media plane exists.

const local = { microphone: null, camera: null, screenShare: null };
let sdkConnected = false;

function sdk() {
    const rtc = window.ContactCenterRtc;
    return rtc && typeof rtc.connect === "function" ? rtc : null;
}

function describe(error) {
    if (!error) return "unknown error";
    if (error.name === "NotAllowedError") return "Permission was refused. Allow it in the browser's address bar and try again.";
    if (error.name === "NotFoundError") return "No such device was found.";
    return error.message || String(error);
}

function stop(alias) {
    const stream = local[alias];
    if (stream) {
        stream.getTracks().forEach(t => t.stop());
        local[alias] = null;
    }
}

async function publish(alias) {
    const rtc = sdk();
    if (rtc && sdkConnected && local[alias] && typeof rtc.publish === "function") {
        await rtc.publish(alias, local[alias]);
    }
}

async function unpublish(alias) {
    const rtc = sdk();
    if (rtc && sdkConnected && typeof rtc.unpublish === "function") {
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

/** Joins the media plane with a participant token and publishes the microphone. */
export async function connectMedia(token) {
    const rtc = sdk();
    if (!rtc || !token) {
        return { sdk: false };
    }
    await rtc.connect(token);
    sdkConnected = true;
    await publish("microphone");
    return { sdk: true };
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
            local.screenShare = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
            local.screenShare.getVideoTracks().forEach(t => t.addEventListener("ended", () => {
                stop("screenShare");
                unpublish("screenShare");
                if (dotnet) dotnet.invokeMethodAsync("OnScreenShareEnded");
            }));
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
    const rtc = sdk();
    if (rtc && sdkConnected && typeof rtc.disconnect === "function") {
        try { await rtc.disconnect(); } catch { /* already gone */ }
    }
    sdkConnected = false;
    stop("microphone");
    stop("camera");
    stop("screenShare");
}
