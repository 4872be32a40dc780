using ContactCenter.Media.Srtp;

namespace ContactCenter.Media.Tests.Srtp;

/// <summary>A fact reported as skipped, not passed, on CPUs without the instructions <see cref="Aes128Gcm"/> needs.</summary>
internal sealed class IntrinsicsFactAttribute : FactAttribute
{
    public IntrinsicsFactAttribute()
    {
        if (!Aes128Gcm.IsSupported)
        {
            Skip = "This CPU has no AES-NI/PCLMULQDQ; SrtpGcm uses AesGcm here.";
        }
    }
}

/// <summary>A theory reported as skipped on CPUs without the instructions <see cref="Aes128Gcm"/> needs.</summary>
internal sealed class IntrinsicsTheoryAttribute : TheoryAttribute
{
    public IntrinsicsTheoryAttribute()
    {
        if (!Aes128Gcm.IsSupported)
        {
            Skip = "This CPU has no AES-NI/PCLMULQDQ; SrtpGcm uses AesGcm here.";
        }
    }
}
