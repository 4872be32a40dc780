// The agent desk's attention signals for an offered call (loaded as an ES module by OfferAlerts.cs):
// a short ring tone generated with WebAudio (no sound file), a flashing tab title, and a browser notification
// when the agent allowed them. Nothing here talks to the server.

const ringPeriodMs = 3000;
const titlePeriodMs = 1000;

let ringing = null;          // { context, toneTimer, titleTimer, title, notification, tones }
let permissionAsk = null;    // the pending Notification.requestPermission() started by a click

function notificationsSupported() {
    return typeof window.Notification === 'function';
}

/** Two short bursts of 440 + 480 Hz (a familiar phone ring), scheduled on the audio clock. */
function ringBurst(state) {
    const context = state.context;
    if (!context) return;
    if (context.state === 'suspended') {
        context.resume().catch(() => { /* no user activation yet: the title and notification still work */ });
    }
    const start = context.currentTime + 0.05;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    for (const offset of [0, 0.6]) {
        gain.gain.setValueAtTime(0, start + offset);
        gain.gain.linearRampToValueAtTime(0.18, start + offset + 0.02);
        gain.gain.setValueAtTime(0.18, start + offset + 0.38);
        gain.gain.linearRampToValueAtTime(0, start + offset + 0.4);
    }
    gain.connect(context.destination);
    for (const frequency of [440, 480]) {
        const oscillator = context.createOscillator();
        oscillator.frequency.value = frequency;
        oscillator.connect(gain);
        oscillator.start(start);
        oscillator.stop(start + 1.05);
        oscillator.onended = () => oscillator.disconnect();
    }
    state.tones++;
}

function showNotification(callerName) {
    if (!notificationsSupported() || Notification.permission !== 'granted') return null;
    try {
        const notification = new Notification('Incoming call', {
            body: `${callerName} is calling. Open the agent desk to answer.`,
            tag: 'cc-offer',
            icon: '/favicon.svg',
        });
        notification.onclick = () => { window.focus(); notification.close(); };
        return notification;
    } catch {
        return null;   // some browsers only allow notifications from a service worker
    }
}

/** Starts ringing for an offer from callerName; a second call while ringing only updates nothing. */
export function startOfferAlert(callerName) {
    if (ringing) return alertState();
    const AudioContextType = window.AudioContext || window.webkitAudioContext;
    const state = {
        context: AudioContextType ? new AudioContextType() : null,
        toneTimer: null,
        titleTimer: null,
        title: document.title,
        notification: null,
        tones: 0,
        flashes: 0,
    };
    ringing = state;
    ringBurst(state);
    state.toneTimer = setInterval(() => ringBurst(state), ringPeriodMs);
    const alertTitle = `☎ Incoming call: ${callerName}`;
    document.title = alertTitle;
    state.titleTimer = setInterval(() => {
        state.flashes++;
        document.title = document.title === alertTitle ? state.title : alertTitle;
    }, titlePeriodMs);
    state.notification = showNotification(callerName);
    return alertState();
}

/** Stops the tone, puts the page's own title back and closes the notification. */
export function stopOfferAlert() {
    const state = ringing;
    ringing = null;
    if (!state) return alertState();
    clearInterval(state.toneTimer);
    clearInterval(state.titleTimer);
    if (document.title.startsWith('☎ ')) {
        document.title = state.title;
    }
    if (state.notification) state.notification.close();
    if (state.context) state.context.close().catch(() => { });
    return alertState();
}

/** What is going on, for the page and for tests: { ringing, tones, audio, notified, permission }. */
export function alertState() {
    return {
        ringing: !!ringing,
        tones: ringing ? ringing.tones : 0,
        audio: ringing && ringing.context ? ringing.context.state : 'none',
        notified: !!(ringing && ringing.notification),
        permission: notificationPermission(),
    };
}

/** 'granted', 'denied', 'default', or 'unsupported'. */
export function notificationPermission() {
    return notificationsSupported() ? Notification.permission : 'unsupported';
}

/** Asks for notifications (reusing the request a click on [data-cc-ask-notifications] already started). */
export async function requestNotifications() {
    if (!notificationsSupported()) return 'unsupported';
    const pending = permissionAsk ?? Notification.requestPermission();
    permissionAsk = null;
    try {
        return await pending;
    } catch {
        return Notification.permission;
    }
}

// Browsers other than Chromium only show the permission prompt inside the click itself, which a round trip over the
// Blazor circuit has already left: start the request here, in the click, and let requestNotifications() await it.
document.addEventListener('click', event => {
    if (notificationsSupported() && event.target instanceof Element && event.target.closest('[data-cc-ask-notifications]')) {
        permissionAsk = Notification.requestPermission();
    }
}, true);
