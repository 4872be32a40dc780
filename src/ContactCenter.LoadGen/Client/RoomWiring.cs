namespace ContactCenter.LoadGen.Client;

/// <summary>Who receives whom in a scenario's room.</summary>
internal enum RoomWiring
{
    /// <summary>Everyone receives everyone else.</summary>
    FullyWired,

    /// <summary>Member 0 publishes; every other member receives it.</summary>
    Fanout,

    /// <summary>Members are customer, agent, supervisor; whisper mode (src/ContactCenter.Core/CallModes/README.md).</summary>
    Whisper,
}
