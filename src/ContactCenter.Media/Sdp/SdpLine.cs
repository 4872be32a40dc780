namespace ContactCenter.Media.Sdp;

/// <summary>
/// A non-attribute line such as <c>c=</c>, <c>b=</c> or <c>i=</c>, kept verbatim so that writing the
/// description back reproduces it (RFC 8866 §5).
/// </summary>
public sealed record SdpLine(char Type, string Value)
{
    public override string ToString() => Type + "=" + Value;
}
