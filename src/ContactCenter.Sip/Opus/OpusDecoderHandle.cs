using System.Runtime.InteropServices;

namespace ContactCenter.Sip.Opus;

/// <summary>Owns an <c>OpusDecoder*</c>; released with opus_decoder_destroy.</summary>
internal sealed class OpusDecoderHandle : SafeHandle
{
    public OpusDecoderHandle() : base(0, ownsHandle: true)
    {
    }

    public OpusDecoderHandle(nint handle) : base(0, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}
