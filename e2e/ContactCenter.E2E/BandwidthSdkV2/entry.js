// The e2e pages import the official Bandwidth browser SDK from this bundle, unmodified.
export { default as BandwidthRtc } from "@bandwidth/webrtc-browser";
