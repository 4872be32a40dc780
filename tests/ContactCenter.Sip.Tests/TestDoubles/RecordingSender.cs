using ContactCenter.Sip.Media;

namespace ContactCenter.Sip.Tests.TestDoubles;

internal sealed class RecordingSender : IPhoneAudioSender
{
    public List<byte[]> Frames { get; } = [];
    public int Skipped { get; private set; }

    public void SendAudio(ReadOnlySpan<byte> g711Payload) => Frames.Add(g711Payload.ToArray());

    public void SkipAudio(int samples) => Skipped++;
}
