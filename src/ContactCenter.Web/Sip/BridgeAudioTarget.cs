using ContactCenter.Media.Phones;
using ContactCenter.Sip.UserAgent;

namespace ContactCenter.Web.Sip;

/// <summary>The SFU's view of a call's <see cref="ContactCenter.Sip.Media.PhoneBridge"/>: the mix is exactly the phone's edges.</summary>
internal sealed class BridgeAudioTarget(SipCall call) : IPhoneAudioTarget
{
    public void SetStreams(IReadOnlyList<string> streamKeys)
    {
        // An ended call's bridge is disposed; new inputs would hold native decoders nobody frees.
        if (call.State != SipCallState.Ended)
        {
            call.Bridge.SetStreams(streamKeys);
        }
    }

    public void OnOpusRtp(string streamKey, ReadOnlySpan<byte> rtpPacket) => call.Bridge.PushOpusRtp(streamKey, rtpPacket);
}
