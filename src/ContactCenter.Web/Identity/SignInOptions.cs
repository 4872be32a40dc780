using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Web.Identity;

/// <summary><c>SignIn</c>: Identity's lockout of staff accounts after failed sign-ins.</summary>
public sealed class StaffSignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    [Range(1, 1000)]
    public int MaxFailedAttempts { get; set; } = 10;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 86_400)]
    public int LockoutSeconds { get; set; } = 300;
}
