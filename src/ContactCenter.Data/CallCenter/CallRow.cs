namespace ContactCenter.Data.CallCenter;

/// <summary>One call of the queue as a row (table Calls). See <see cref="Core.Queue.StoredCall"/>.</summary>
internal sealed class CallRow
{
    public string CallId { get; set; } = "";

    public string CustomerParticipantId { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public string CustomerTag { get; set; } = "";

    public DateTimeOffset WaitingSince { get; set; }

    public long? QueueSequence { get; set; }

    public string? OfferedTo { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset? OfferExpiresAt { get; set; }

    /// <summary>JSON object: agent user id → when it declined.</summary>
    public string DeclinedBy { get; set; } = "{}";

    public DateTimeOffset? ConnectedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>JSON array of the coached agent participant ids.</summary>
    public string Whispered { get; set; } = "[]";

    public string? CustomerResumeHash { get; set; }

    /// <summary>Who the caller is across calls ("tel:…", "web:…"); null when unknown.</summary>
    public string? CallerKey { get; set; }

    /// <summary><see cref="WaitingSince"/> as UTC ticks: SQLite cannot compare or sort DateTimeOffset columns.</summary>
    public long WaitingTicks { get; set; }

    /// <summary>The wrap-up: the disposition code picked (null: none, or no codes existed), the note, who and when.</summary>
    public string? DispositionCodeId { get; set; }

    public string? DispositionNote { get; set; }

    public string? DispositionBy { get; set; }

    public DateTimeOffset? DispositionAt { get; set; }
}
