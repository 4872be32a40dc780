using ContactCenter.LoadGen.Client;
using ContactCenter.LoadGen.Metrics;

namespace ContactCenter.LoadGen.Tests.Client;

public sealed class TrafficSenderTests
{
    [Fact]
    public void AudioPayloadLength_AnySequence_OpusSizedAndHoldsTheStamp()
    {
        for (uint sequence = 0; sequence < 10_000; sequence++)
        {
            int length = TrafficSender.AudioPayloadLength(sequence);
            Assert.InRange(length, 60, 160);
            Assert.True(length >= PayloadStamp.Length);
        }
    }
}
