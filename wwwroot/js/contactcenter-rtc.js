// ContactCenter browser SDK (ES module): two peer connections per participant, signaling over the SignalR
// hub /hubs/rtc. The server decides who receives what; this SDK can only publish, answer and leave.
//
//   import { ContactCenterRtc } from '/js/contactcenter-rtc.js';
//   const rtc = new ContactCenterRtc();
//   rtc.onStreamAvailable(s => attach(s.mediaStream));
//   await rtc.connect(token);
//   await rtc.publish(await navigator.mediaDevices.getUserMedia({ audio: true }), 'microphone');

const signalRUrl = new URL('../lib/signalr/signalr.min.js', import.meta.url);
const restartDelayMs = 1000;

/**
 * SignalR's reconnect delays: at once, then growing from 0.5 s to 3 s over the first twenty seconds, then every 5 s
 * for about ten minutes. A restarted server is back within seconds, and a network blip may last longer: the client
 * keeps trying rather than give up.
 */
const reconnectDelaysMs = [0, 500, 1000, 1000, 1000, 1000, 2000, 2000, 2000, 3000, 3000, 3000];
const reconnectMaxDelayMs = 5000;
const reconnectGiveUpMs = 10 * 60 * 1000;

function nextReconnectDelay(context) {
    if (context.elapsedMilliseconds >= reconnectGiveUpMs) {
        return null;
    }
    return reconnectDelaysMs[context.previousRetryCount] ?? reconnectMaxDelayMs;
}

async function loadSignalR() {
    if (!globalThis.signalR) {
        // The vendored UMD bundle assigns self.signalR when loaded as a module.
        await import(signalRUrl.href);
    }
    return globalThis.signalR;
}

/** Strips SignalR's "An unexpected error occurred invoking 'X' on the server. HubException: " prefix. */
function serverMessage(error) {
    const text = String(error?.message ?? error);
    const marker = 'HubException: ';
    const at = text.indexOf(marker);
    return at >= 0 ? text.substring(at + marker.length) : text;
}

async function describeConnection(pc) {
    if (!pc) {
        return null;
    }
    const info = { iceState: pc.iceConnectionState, localType: null, remoteType: null, protocol: null, relayProtocol: null };
    const reports = await pc.getStats();
    let pair = null;
    reports.forEach(report => {
        if (report.type === 'transport' && report.selectedCandidatePairId) {
            pair = reports.get(report.selectedCandidatePairId);
        }
    });
    if (pair) {
        const local = reports.get(pair.localCandidateId);
        const remote = reports.get(pair.remoteCandidateId);
        info.localType = local?.candidateType ?? null;
        info.relayProtocol = local?.relayProtocol ?? null;
        info.remoteType = remote?.candidateType ?? null;
        info.protocol = remote?.protocol ?? local?.protocol ?? null;
    }
    return info;
}

export class ContactCenterRtc {
    constructor() {
        this._hub = null;
        this._token = null;
        this._options = {};
        this._pub = null;
        this._sub = null;
        this._published = [];          // { alias, kind, track, stream, transceiver, active }
        this._revision = 0;
        this._streamsByMid = new Map();  // subscribe mid -> stream metadata of the current offer
        this._ssrcs = new Map();         // ssrc of each stream in the current offer -> { participantId, alias, kind }
        this._remote = new Map();        // streamId -> { ...metadata, track, mediaStream }
        this._available = [];
        this._unavailable = [];
        this._stateListeners = [];
        this.state = 'disconnected';
        this._signalingChain = Promise.resolve();
        this._pubChain = Promise.resolve();
        this._restartTimers = {};
        this._serverIceServers = [];
        this.participantId = null;
        this.sessionId = null;
        this.publishPermissions = [];
    }

    /**
     * Connects signaling with a participant token. options: { hubUrl = '/hubs/rtc', iceServers, iceTransportPolicy =
     * 'all' }. Without iceServers, the TURN servers the server hands out on connect (short-lived credentials) are
     * used; iceTransportPolicy 'relay' sends media only through them.
     */
    async connect(token, options = {}) {
        const signalR = await loadSignalR();
        this._token = token;
        this._options = { hubUrl: '/hubs/rtc', iceTransportPolicy: 'all', ...options };
        const hub = new signalR.HubConnectionBuilder()
            .withUrl(this._options.hubUrl, {
                accessTokenFactory: () => this._token,
                // WebSockets straight away: the token then travels as ?access_token=, which the hub reads.
                transport: signalR.HttpTransportType.WebSockets,
                skipNegotiation: true,
            })
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: nextReconnectDelay })
            .configureLogging(signalR.LogLevel.Warning)
            .build();
        hub.on('offer', message => this._queueSignaling(() => this._onOffer(message)));
        hub.on('streamAvailable', message => this._queueSignaling(() => this._onStreamAvailable(message)));
        hub.on('streamUnavailable', message => this._queueSignaling(() => this._onStreamUnavailable(message)));
        hub.onreconnecting(() => this._setState('reconnecting'));
        hub.onreconnected(() => this._rejoin()
            .then(() => this._setState('connected'))
            .catch(e => {
                console.warn('contactcenter-rtc: rejoin failed', e);
                this._setState('failed', serverMessage(e));
            }));
        hub.onclose(error => {
            if (this._hub === hub) {
                this._setState('failed', error ? serverMessage(error) : 'The connection to the server was lost.');
            }
        });
        this._hub = hub;
        await hub.start();
        try {
            await this._join();
        } catch (e) {
            await hub.stop();
            this._hub = null;
            throw e;
        }
        this._setState('connected');
        return { participantId: this.participantId, sessionId: this.sessionId, publishPermissions: this.publishPermissions };
    }

    /** Publishes every track of stream under alias ('microphone', 'camera', 'screenShare', or any name). */
    async publish(stream, alias) {
        if (!alias) {
            throw new Error('publish needs an alias');
        }
        const added = stream.getTracks().map(track => ({
            alias, kind: track.kind, track, stream, transceiver: null, active: true,
        }));
        for (const entry of added) {
            entry.transceiver = this._publishConnection().addTransceiver(entry.track, { direction: 'sendonly', streams: [stream] });
            this._published.push(entry);
        }
        try {
            return await this._negotiatePublish(false);
        } catch (e) {
            this._published = this._published.filter(p => !added.includes(p));
            if (!this._pub.remoteDescription) {
                // Never negotiated: start over with a clean connection (Chromium keeps a rolled-back
                // transceiver's m-line type around and refuses the next offer otherwise).
                this._pub.close();
                this._pub = null;
                for (const entry of this._published) {
                    entry.transceiver = this._publishConnection().addTransceiver(entry.track, { direction: 'sendonly', streams: [entry.stream] });
                }
            } else {
                for (const entry of added) {
                    await entry.transceiver.sender.replaceTrack(null);
                    entry.transceiver.direction = 'inactive';
                }
            }
            throw e;
        }
    }

    /** Stops publishing alias: the server stops forwarding it at once, and the local sender goes quiet. */
    async unpublish(alias) {
        const entries = this._published.filter(p => p.alias === alias && p.active);
        for (const entry of entries) {
            entry.active = false;
            await entry.transceiver.sender.replaceTrack(null);
        }
        return this._invoke('Unpublish', alias);
    }

    onStreamAvailable(callback) { this._available.push(callback); }

    onStreamUnavailable(callback) { this._unavailable.push(callback); }

    /**
     * Told every change of the connection's state: 'connected'; 'reconnecting' (signaling lost, being retried with
     * back-off, or ICE restarting after a network blip); 'failed' (given up: detail says why); 'disconnected' (left).
     */
    onStateChange(callback) { this._stateListeners.push(callback); }

    setMicrophoneEnabled(enabled) { this._setEnabled('audio', enabled); }

    setCameraEnabled(enabled) { this._setEnabled('video', enabled); }

    /** The remote streams currently received: [{ streamId, participantId, alias, mediaTypes, track, mediaStream }]. */
    get remoteStreams() { return [...this._remote.values()]; }

    /**
     * Inbound statistics per remote participant for the streams received now (those of the latest offer; a
     * stream that ends drops out, and a new one starts from zero), from the inbound-rtp reports:
     * { audio: { bytesReceived, packetsReceived }, video: { bytesReceived, packetsReceived, framesDecoded }, aliases }.
     * With a participantId, that participant's entry (zeros when nothing was received); without, all of them.
     */
    async getStats(participantId) {
        const result = {};
        const entry = id => result[id] ??= {
            audio: { bytesReceived: 0, packetsReceived: 0 },
            video: { bytesReceived: 0, packetsReceived: 0, framesDecoded: 0 },
            aliases: [],
        };
        if (participantId) {
            entry(participantId);
        }
        if (this._sub) {
            const reports = await this._sub.getStats();
            reports.forEach(report => {
                if (report.type !== 'inbound-rtp') {
                    return;
                }
                const source = this._ssrcs.get(report.ssrc);
                if (!source) {
                    return;
                }
                const stats = entry(source.participantId);
                const kind = source.kind === 'VIDEO' ? stats.video : stats.audio;
                kind.bytesReceived += report.bytesReceived ?? 0;
                kind.packetsReceived += report.packetsReceived ?? 0;
                if (source.kind === 'VIDEO') {
                    kind.framesDecoded += report.framesDecoded ?? 0;
                }
                if (!stats.aliases.includes(source.alias)) {
                    stats.aliases.push(source.alias);
                }
            });
        }
        return participantId ? result[participantId] : result;
    }

    /**
     * How each connection's media travels, from its selected candidate pair: { publish, subscribe }, each null
     * (no connection) or { iceState, localType ('host', 'srflx', 'relay'), remoteType, protocol ('udp', 'tcp'),
     * relayProtocol (the browser's leg to TURN, when localType is 'relay') }.
     */
    async getConnectionInfo() {
        return { publish: await describeConnection(this._pub), subscribe: await describeConnection(this._sub) };
    }

    /**
     * Restarts ICE on both connections (what the SDK does by itself after a network blip): the publish
     * connection offers again with new ICE credentials; the server sends a new offer for the subscribe one.
     */
    async restartIce() {
        const work = [];
        if (this._pub?.remoteDescription) {
            work.push(this._negotiatePublish(true));
        }
        if (this._sub) {
            work.push(this._invoke('RestartIce'));
        }
        await Promise.all(work);
    }

    /** Leaves: both connections close and signaling stops. */
    async disconnect() {
        const hub = this._hub;
        this._hub = null;
        this._setState('disconnected');
        if (hub) {
            try { await hub.invoke('Leave'); } catch { /* already gone */ }
            await hub.stop();
        }
        this._closeConnections();
        this._published = [];
    }

    // ---- internals ----

    async _join() {
        let result;
        try {
            result = await this._hub.invoke('Connect');
        } catch (e) {
            throw new Error(serverMessage(e));
        }
        this.participantId = result.participantId;
        this.sessionId = result.sessionId;
        this.publishPermissions = result.publishPermissions;
        // Fresh TURN credentials on every (re)join; connections made after this use them.
        this._serverIceServers = result.iceServers ?? [];
    }

    _rtcConfiguration() {
        return {
            iceServers: this._options.iceServers ?? this._serverIceServers ?? [],
            iceTransportPolicy: this._options.iceTransportPolicy,
            bundlePolicy: 'max-bundle',
            rtcpMuxPolicy: 'require',
        };
    }

    /** After SignalR reconnected, the server has forgotten us: join again, new connections, publish again. */
    async _rejoin() {
        this._closeConnections();
        await this._join();
        const active = this._published.filter(p => p.active);
        this._published = [];
        for (const entry of active) {
            entry.transceiver = this._publishConnection().addTransceiver(entry.track, { direction: 'sendonly', streams: [entry.stream] });
            this._published.push(entry);
        }
        if (active.length > 0) {
            await this._negotiatePublish(false);
        }
    }

    _closeConnections() {
        this._pub?.close();
        this._sub?.close();
        this._pub = null;
        this._sub = null;
        this._revision = 0;
        this._streamsByMid.clear();
        this._ssrcs.clear();
        for (const stream of this._remote.values()) {
            this._emit(this._unavailable, stream);
        }
        this._remote.clear();
    }

    _publishConnection() {
        if (!this._pub) {
            const pc = new RTCPeerConnection(this._rtcConfiguration());
            pc.oniceconnectionstatechange = () => this._watchIce(pc, 'publish');
            this._pub = pc;
        }
        return this._pub;
    }

    _subscribeConnection() {
        if (!this._sub) {
            const pc = new RTCPeerConnection(this._rtcConfiguration());
            pc.oniceconnectionstatechange = () => this._watchIce(pc, 'subscribe');
            this._sub = pc;
        }
        return this._sub;
    }

    /** A network blip: restart ICE (publish: a new offer with iceRestart; subscribe: ask the server to offer). */
    _watchIce(pc, which) {
        const state = pc.iceConnectionState;
        clearTimeout(this._restartTimers[which]);
        if (state !== 'failed' && state !== 'disconnected') {
            if ((state === 'connected' || state === 'completed') && this.state === 'reconnecting' && this._hub?.state === 'Connected') {
                this._setState('connected');
            }
            return;
        }
        if (this.state === 'connected') {
            this._setState('reconnecting');
        }
        this._restartTimers[which] = setTimeout(() => {
            if (pc.iceConnectionState !== 'failed' && pc.iceConnectionState !== 'disconnected') {
                return;
            }
            const restart = which === 'publish'
                ? this._negotiatePublish(true)
                : this._invoke('RestartIce');
            restart.catch(e => console.warn('contactcenter-rtc: ICE restart failed', e));
        }, state === 'failed' ? 0 : restartDelayMs);
    }

    _negotiatePublish(iceRestart) {
        const run = async () => {
            const pc = this._publishConnection();
            const offer = await pc.createOffer({ iceRestart });
            await pc.setLocalDescription(offer);
            const streams = this._published
                .filter(p => p.active && p.transceiver.mid !== null)
                .map(p => ({ mid: p.transceiver.mid, alias: p.alias }));
            let result;
            try {
                result = await this._hub.invoke('Publish', { sdp: offer.sdp, streams });
            } catch (e) {
                await pc.setLocalDescription({ type: 'rollback' });
                throw new Error(serverMessage(e));
            }
            await pc.setRemoteDescription({ type: 'answer', sdp: result.sdp });
            return result.streams;
        };
        const next = this._pubChain.then(run, run);
        this._pubChain = next.catch(() => undefined);
        return next;
    }

    _queueSignaling(work) {
        this._signalingChain = this._signalingChain.then(work).catch(e => console.warn('contactcenter-rtc:', e));
    }

    async _onOffer(message) {
        if (message.sdpRevision <= this._revision) {
            return; // Bandwidth semantics: only newer revisions count
        }
        this._revision = message.sdpRevision;
        const pc = this._subscribeConnection();
        await pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        this._streamsByMid = new Map(message.streams.map(s => [s.mid, s]));
        this._ssrcs.clear();
        for (const s of message.streams) {
            this._ssrcs.set(s.ssrc, { participantId: s.participantId, alias: s.alias, kind: s.mediaTypes[0] });
        }
        await this._invoke('Answer', { sdp: answer.sdp, sdpRevision: message.sdpRevision });
    }

    _onStreamAvailable(message) {
        const transceiver = this._sub?.getTransceivers().find(t => t.mid === message.mid);
        if (!transceiver) {
            return;
        }
        const track = transceiver.receiver.track;
        const stream = { ...message, track, mediaStream: new MediaStream([track]) };
        this._remote.set(message.streamId, stream);
        this._emit(this._available, stream);
    }

    _onStreamUnavailable(message) {
        const stream = this._remote.get(message.streamId) ?? message;
        this._remote.delete(message.streamId);
        this._emit(this._unavailable, stream);
    }

    _setState(state, detail) {
        if (this.state === state) {
            return;
        }
        this.state = state;
        this._emit(this._stateListeners, { state, detail: detail ?? null });
    }

    _emit(callbacks, value) {
        for (const callback of callbacks) {
            try { callback(value); } catch (e) { console.error(e); }
        }
    }

    _setEnabled(kind, enabled) {
        for (const entry of this._published) {
            if (entry.kind === kind) {
                entry.track.enabled = enabled;
            }
        }
    }

    async _invoke(method, ...args) {
        if (!this._hub) {
            throw new Error('Not connected');
        }
        try {
            return await this._hub.invoke(method, ...args);
        } catch (e) {
            throw new Error(serverMessage(e));
        }
    }
}

/** Convenience: a connected client in one call. */
export async function connect(token, options) {
    const rtc = new ContactCenterRtc();
    await rtc.connect(token, options);
    return rtc;
}
