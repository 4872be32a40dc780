using System.Runtime.InteropServices;

namespace ContactCenter.Sip.Opus;

/// <summary>Owns an <c>OpusEncoder*</c>; released with opus_encoder_destroy.</summary>
internal sealed class OpusEncoderHandle : SafeHandle
{
    public OpusEncoderHandle() : base(0, ownsHandle: true)
    {
    }

    public OpusEncoderHandle(nint handle) : base(0, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        OpusNative.EncoderDestroy(handle);
        return true;
    }
}
