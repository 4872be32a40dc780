using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Bandwidth;
using ContactCenter.Web.Signaling;

namespace ContactCenter.Web.Tests.Bandwidth;

public sealed class BandwidthSdpTests
{
    // The shape of the SDK's publish offer after publish(mic) and publish(camera) and an unpublished third stream:
    // data channels first, then one sendonly m-line per track, the stopped one with port 0.
    private const string Offer =
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\n" +
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\na=sctp-port:5000\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:1\r\na=sendonly\r\na=msid:micStream track-a\r\n" +
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:2\r\na=sendonly\r\na=msid:camStream track-v\r\n" +
        "m=audio 0 UDP/TLS/RTP/SAVPF 111\r\na=mid:3\r\na=inactive\r\na=msid:goneStream track-g\r\n";

    [Fact]
    public void ReadSendingStreams_SdkOffer_MapsEachLiveMediaLineToItsMsid()
    {
        var lines = BandwidthSdp.ReadSendingStreams(Offer);

        Assert.Equal(
            [new PublishedMsid("1", "audio", "micStream"), new PublishedMsid("2", "video", "camStream")],
            lines);
    }

    [Fact]
    public void ReadSendingStreams_NoMsid_SkipsTheLine()
    {
        var lines = BandwidthSdp.ReadSendingStreams("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=sendonly\r\n");

        Assert.Empty(lines);
    }

    [Fact]
    public void MapStreams_AliasInMetadata_UsesIt_OtherwiseTheMsid()
    {
        using var metadata = JsonDocument.Parse("""{"micStream":{"alias":"microphone"},"camStream":{}}""");

        var streams = BandwidthSdp.MapStreams(BandwidthSdp.ReadSendingStreams(Offer), metadata.RootElement);

        Assert.Equal([new PublishStreamDto("1", "microphone"), new PublishStreamDto("2", "camStream")], streams);
    }

    [Fact]
    public void MapStreams_NoMetadata_NamesStreamsByMsid()
    {
        var streams = BandwidthSdp.MapStreams(BandwidthSdp.ReadSendingStreams(Offer), default);

        Assert.Equal(["micStream", "camStream"], streams.Select(s => s.Alias));
    }

    [Fact]
    public void PublishMetadata_KeyedByMsid_WithTheServersMediaTypes()
    {
        var lines = new[] { new PublishedMsid("1", "audio", "both"), new PublishedMsid("2", "video", "both") };
        var result = new PublishResult("v=0", [new("p-1", "1", "main", "AUDIO"), new("p-2", "2", "main", "VIDEO")]);

        var metadata = BandwidthSdp.PublishMetadata(lines, result, "p", "device-1");

        var entry = Assert.Single(metadata);
        Assert.Equal("both", entry.Key);
        Assert.Equal(["AUDIO", "VIDEO"], entry.Value!["mediaTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("main", (string)entry.Value["alias"]!);
        Assert.Equal("p", (string)entry.Value["participantId"]!);
        Assert.Equal("device-1", (string)entry.Value["endpointId"]!);
    }

    [Fact]
    public void OfferParams_SubscribeOffer_KeysStreamMetadataByStreamId()
    {
        var offer = new SdpOfferMessage("v=0", 3,
        [
            new StreamMetadata("alice-1", "alice", "microphone", ["AUDIO"], "0", 11),
            new StreamMetadata("alice-2", "alice", "camera", ["VIDEO"], "1", 12),
        ]);

        var json = BandwidthSdp.OfferParams(offer, "device-bob");

        Assert.Equal("v=0", (string)json["sdpOffer"]!);
        Assert.Equal(3, (int)json["sdpRevision"]!);
        Assert.Equal("device-bob", (string)json["endpointId"]!);
        var streams = json["streamMetadata"]!.AsObject();
        Assert.Equal(["alice-1", "alice-2"], streams.Select(s => s.Key));
        var camera = streams["alice-2"]!;
        Assert.Equal("camera", (string)camera["alias"]!);
        Assert.Equal("alice", (string)camera["participantId"]!);
        Assert.Equal("alice", (string)camera["endpointId"]!);
        Assert.Equal(["VIDEO"], camera["mediaTypes"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void DataOnlyOffer_SdkFirstOffer_IsRejectedLineByLine()
    {
        const string first = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
            "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\na=sctp-port:5000\r\n";

        Assert.True(DataOnlyOffer.Matches(first));
        Assert.False(DataOnlyOffer.Matches(Offer));
        var answer = DataOnlyOffer.RejectAll(first);

        Assert.Contains("m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=mid:0\r\n", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("BUNDLE", answer, StringComparison.Ordinal);
    }
}
