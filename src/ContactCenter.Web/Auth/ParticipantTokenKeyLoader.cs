using ContactCenter.Core.Tokens;

namespace ContactCenter.Web.Auth;

/// <summary>Loads (or creates) the token signing key at start-up, so a bad key fails the start and not the first call.</summary>
internal sealed partial class ParticipantTokenKeyLoader : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly ILogger<ParticipantTokenKeyLoader> _logger;

    public ParticipantTokenKeyLoader(IServiceProvider services, ILogger<ParticipantTokenKeyLoader> logger)
    {
        _services = services;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var key = _services.GetRequiredService<ParticipantTokenKey>();
        if (key.WasGenerated)
        {
            Log.Generated(_logger, key.Source);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Tokens:SigningKey is empty: generated a participant token signing key in {Path}")]
        public static partial void Generated(ILogger logger, string path);
    }
}
