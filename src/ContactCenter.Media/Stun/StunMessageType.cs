namespace ContactCenter.Media.Stun;

/// <summary>STUN message types (method and class combined, RFC 5389 §6).</summary>
internal static class StunMessageType
{
    public const ushort BindingRequest = 0x0001;
    public const ushort BindingIndication = 0x0011;
    public const ushort BindingSuccessResponse = 0x0101;
    public const ushort BindingErrorResponse = 0x0111;

    /// <summary>The method bits of a message type (class bits C0/C1 removed, RFC 5389 §6 figure 3).</summary>
    public static ushort GetMethod(ushort messageType) =>
        (ushort)((messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2));

    /// <summary>The class of a message type: 0 request, 1 indication, 2 success response, 3 error response.</summary>
    public static int GetClass(ushort messageType) => ((messageType >> 4) & 0x1) | ((messageType >> 7) & 0x2);

    public static bool IsRequest(ushort messageType) => GetClass(messageType) == 0;
}
