namespace ContactCenter.Media.Sdp;

/// <summary>
/// One <c>a=</c> line (RFC 8866 §5.13): a property attribute has no value (<c>a=rtcp-mux</c>), a value
/// attribute keeps everything after the first colon verbatim.
/// </summary>
public sealed record SdpAttribute(string Name, string? Value)
{
    public static SdpAttribute Parse(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttribute(text, null) : new SdpAttribute(text.Substring(0, colon), text.Substring(colon + 1));
    }

    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
