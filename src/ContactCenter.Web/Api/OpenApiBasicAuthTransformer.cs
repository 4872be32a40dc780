using ContactCenter.Web.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContactCenter.Web.Api;

/// <summary>Declares the API's HTTP Basic scheme in the OpenAPI document, so that clients and tools send credentials.</summary>
internal sealed class OpenApiBasicAuthTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeId = "basic";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ContactCenter REST API (Bandwidth WebRTC compatible)";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = $"An API credential of the account in the path ({ApiAuthDefaults.Realm}).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
