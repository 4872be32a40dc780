namespace ContactCenter.Media.Ice;

/// <summary>
/// Splits the USERNAME of a check: "&lt;receiver ufrag&gt;:&lt;sender ufrag&gt;" (RFC 8445 §7.2.2). The
/// receiver is us, so the first part selects the peer.
/// </summary>
internal static class IceUsername
{
    public static bool TrySplit(ReadOnlySpan<byte> username, out ReadOnlySpan<byte> localUfrag, out ReadOnlySpan<byte> remoteUfrag)
    {
        int colon = username.IndexOf((byte)':');
        if (colon <= 0 || colon == username.Length - 1)
        {
            localUfrag = default;
            remoteUfrag = default;
            return false;
        }

        localUfrag = username.Slice(0, colon);
        remoteUfrag = username.Slice(colon + 1);
        return true;
    }
}
