using Microsoft.AspNetCore.Components;

namespace ContactCenter.Web.Components.Pages;

public partial class SignIn
{
    [SupplyParameterFromQuery(Name = "returnUrl")]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    private string? Error { get; set; }

    private string ReturnTarget => Identity.AccountEndpoints.SafeReturnUrl(ReturnUrl);

    private string? ErrorText => Error switch
    {
        null or "" => null,
        "missing" => "Enter your email and password.",
        "locked" => "Too many failed attempts: this account is locked for a few minutes.",
        "expired" => "The sign-in form had expired. Please sign in again.",
        _ => "The email or password is not right.",
    };
}
