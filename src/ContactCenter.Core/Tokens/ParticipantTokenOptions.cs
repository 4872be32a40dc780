using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Core.Tokens;

/// <summary>The <c>Tokens</c> section: how participant tokens (JWT, HMAC-SHA256) are signed and how long they live.</summary>
public sealed class ParticipantTokenOptions
{
    public const string SectionName = "Tokens";

    /// <summary>
    /// The HMAC-SHA256 key: base64 of at least 32 bytes, or a passphrase of at least 32 characters.
    /// Empty: a random key is generated once and kept in <see cref="KeyFile"/>, so tokens survive restarts.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated key is kept, relative to the content root.</summary>
    [Required]
    public string KeyFile { get; set; } = "data/token-signing.key";

    /// <summary>
    /// How long a token can be used to connect. A live connection is not cut when its token expires; a client that
    /// reconnects later needs a new participant (as with Bandwidth). 12 hours covers an agent's shift.
    /// </summary>
    [Range(1, 7 * 24 * 60)]
    public int LifetimeMinutes { get; set; } = 720;

    /// <summary>Tolerance for clocks that differ a little between issuer and validator.</summary>
    [Range(0, 600)]
    public int ClockSkewSeconds { get; set; } = 30;

    [Required]
    public string Issuer { get; set; } = "contactcenter";

    [Required]
    public string Audience { get; set; } = "contactcenter-device";
}
