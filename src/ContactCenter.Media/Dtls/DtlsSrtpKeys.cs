namespace ContactCenter.Media.Dtls;

/// <summary>
/// SRTP master keys exported from a DTLS-SRTP handshake (RFC 5764 §4.2). The keying material is laid out as
/// client_write_key | server_write_key | client_write_salt | server_write_salt; these are master keys and the
/// SRTP session runs the RFC 3711 §4.3 key derivation.
/// </summary>
internal sealed record DtlsSrtpKeys(
    int ProtectionProfile,
    byte[] ClientKey,
    byte[] ServerKey,
    byte[] ClientSalt,
    byte[] ServerSalt,
    DtlsRole LocalRole)
{
    /// <summary>Our sending key: the server key when we were the DTLS server.</summary>
    public ReadOnlySpan<byte> LocalKey => LocalRole == DtlsRole.Server ? ServerKey : ClientKey;

    public ReadOnlySpan<byte> LocalSalt => LocalRole == DtlsRole.Server ? ServerSalt : ClientSalt;

    /// <summary>The remote's sending key: decrypts what it sends us.</summary>
    public ReadOnlySpan<byte> RemoteKey => LocalRole == DtlsRole.Server ? ClientKey : ServerKey;

    public ReadOnlySpan<byte> RemoteSalt => LocalRole == DtlsRole.Server ? ClientSalt : ServerSalt;

    /// <summary>Splits exported keying material into its four parts.</summary>
    internal static DtlsSrtpKeys FromKeyingMaterial(int profile, ReadOnlySpan<byte> material, DtlsRole localRole)
    {
        int keyLength = DtlsSrtpProfiles.KeyLength(profile);
        int saltLength = DtlsSrtpProfiles.SaltLength(profile);
        if (material.Length != 2 * (keyLength + saltLength))
        {
            throw new ArgumentException("Keying material has the wrong length for the profile.", nameof(material));
        }

        return new DtlsSrtpKeys(
            profile,
            material.Slice(0, keyLength).ToArray(),
            material.Slice(keyLength, keyLength).ToArray(),
            material.Slice(2 * keyLength, saltLength).ToArray(),
            material.Slice(2 * keyLength + saltLength, saltLength).ToArray(),
            localRole);
    }
}
