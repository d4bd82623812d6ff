using System.Buffers;
using System.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>
/// Turns a briefing's bytes into text, strictly: UTF-8 (a BOM is fine) or UTF-16 with a BOM. Rejects empty,
/// whitespace-only and binary content, and invalid UTF-8 with the offset of the first bad byte.
/// </summary>
public static class BriefingTextDecoder
{
    private const int SniffBytes = 8192;

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <exception cref="BriefingRejectedException">The content is empty, binary or not valid text.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new BriefingRejectedException("the file is empty");
        }

        var text = bytes switch
        {
            [0xFF, 0xFE, ..] => DecodeUtf16(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
            [0xFE, 0xFF, ..] => DecodeUtf16(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
            [0xEF, 0xBB, 0xBF, ..] => DecodeUtf8(bytes[3..], 3),
            _ => DecodeUtf8(bytes, 0),
        };

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new BriefingRejectedException("the file is empty");
        }

        if (LooksBinary(text))
        {
            throw new BriefingRejectedException("the file is binary, not text");
        }

        return text;
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        if (LooksBinary(bytes))
        {
            throw new BriefingRejectedException("the file is binary, not text");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var position = 0;
        while (position < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                var problem = status == OperationStatus.NeedMoreData
                    ? FormattableString.Invariant($"it ends inside a character at offset {position + offset}")
                    : FormattableString.Invariant($"byte 0x{bytes[position]:X2} at offset {position + offset}");
                throw new BriefingRejectedException($"the file is not valid UTF-8 text ({problem}); save it as UTF-8 and try again");
            }

            position += consumed;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, UnicodeEncoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BriefingRejectedException("the file starts with a UTF-16 marker but is not valid UTF-16 text; save it as UTF-8 and try again", ex);
        }
    }

    /// <summary>NUL bytes, or more than 1 in 20 bytes being control characters other than tab, line breaks and form feed.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C) || b == 0x7F)
            {
                controls++;
            }
        }

        return controls * 20 > sample.Length;
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SniffBytes));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                controls++;
            }
        }

        return controls * 20 > sample.Length;
    }
}
