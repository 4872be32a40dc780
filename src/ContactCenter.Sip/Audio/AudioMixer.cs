namespace ContactCenter.Sip.Audio;

/// <summary>
/// Sums 20 ms frames into an int accumulator and saturates back to 16 bits. Pure and allocation-free:
/// the caller owns every buffer.
/// </summary>
public static class AudioMixer
{
    /// <summary>
    /// Mixes every input except <paramref name="excludeKey"/> (the listener's own stream: nobody hears
    /// themselves) and inputs without audio this tick. Returns how many inputs were summed.
    /// </summary>
    public static int Mix(ReadOnlySpan<MixerInput> inputs, string? excludeKey, Span<int> accumulator, Span<short> output)
    {
        accumulator[..output.Length].Clear();
        var mixed = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            ref readonly var input = ref inputs[i];
            if (!input.HasAudio || (excludeKey is not null && string.Equals(input.Key, excludeKey, StringComparison.Ordinal)))
            {
                continue;
            }
            Accumulate(accumulator, input.Frame.Span[..output.Length]);
            mixed++;
        }
        Saturate(accumulator[..output.Length], output);
        return mixed;
    }

    public static void Accumulate(Span<int> accumulator, ReadOnlySpan<short> frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            accumulator[i] += frame[i];
        }
    }

    public static void Saturate(ReadOnlySpan<int> accumulator, Span<short> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (short)Math.Clamp(accumulator[i], short.MinValue, short.MaxValue);
        }
    }
}
