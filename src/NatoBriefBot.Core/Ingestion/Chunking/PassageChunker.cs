using Microsoft.ML.Tokenizers;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Ingestion.Chunking;

/// <summary>A passage cut from a briefing's cleaned text: <c>Text == cleaned[Start..End]</c>.
/// <see cref="Tokens"/> is an upper bound of its cl100k token count (its sentences' counts plus the joins between them).</summary>
public sealed record PassageChunk(int Position, int Start, int End, string Text, int Tokens);

/// <summary>
/// Cuts cleaned text into sentence-aligned passages of at most <see cref="MaxTokens"/> tokens (cl100k),
/// repeating up to <see cref="OverlapTokens"/> tokens of whole trailing sentences at the start of the next passage.
/// A sentence longer than the budget is cut at word boundaries.
/// </summary>
public sealed class PassageChunker
{
    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4"));

    public PassageChunker(int maxTokens, int overlapTokens)
    {
        if (maxTokens < 16)
        {
            throw new BriefBotException($"Ingestion:PassageTokens is {maxTokens}; it must be at least 16.");
        }

        if (overlapTokens < 0 || overlapTokens >= maxTokens)
        {
            throw new BriefBotException($"Ingestion:OverlapTokens ({overlapTokens}) must be at least 0 and smaller than Ingestion:PassageTokens ({maxTokens}).");
        }

        MaxTokens = maxTokens;
        OverlapTokens = overlapTokens;
    }

    public int MaxTokens { get; }

    public int OverlapTokens { get; }

    public static Tokenizer Tokenizer => SharedTokenizer.Value;

    public static int CountTokens(string text) => Tokenizer.CountTokens(text);

    public List<PassageChunk> Chunk(string text)
    {
        var pieces = new List<(int Start, int End, int Tokens)>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            AddPiece(text, sentence.Start, sentence.End, pieces);
        }

        var chunks = new List<PassageChunk>();
        var first = 0;
        while (first < pieces.Count)
        {
            var last = first;
            var tokens = pieces[first].Tokens;
            while (last + 1 < pieces.Count && tokens + JoinCost + pieces[last + 1].Tokens <= MaxTokens)
            {
                last++;
                tokens += JoinCost + pieces[last].Tokens;
            }

            var start = pieces[first].Start;
            var end = pieces[last].End;
            var passageText = text[start..end];
            chunks.Add(new PassageChunk(chunks.Count, start, end, passageText, tokens));
            if (last + 1 >= pieces.Count)
            {
                break;
            }

            first = NextStart(pieces, first, last);
        }

        return chunks;
    }

    /// <summary>Upper bound on the tokens a line break or space between two pieces adds.</summary>
    private const int JoinCost = 2;

    private int NextStart(List<(int Start, int End, int Tokens)> pieces, int first, int last)
    {
        var next = last + 1;
        var overlap = 0;
        var candidate = next;
        while (candidate - 1 > first)
        {
            var add = pieces[candidate - 1].Tokens + JoinCost;
            if (overlap + add > OverlapTokens || overlap + add + pieces[next].Tokens > MaxTokens)
            {
                break;
            }

            overlap += add;
            candidate--;
        }

        return candidate;
    }

    private void AddPiece(string text, int start, int end, List<(int, int, int)> pieces)
    {
        var tokens = Tokenizer.CountTokens(text.AsSpan(start, end - start));
        if (tokens <= MaxTokens)
        {
            pieces.Add((start, end, tokens));
            return;
        }

        // An over-long sentence: cut at the last word boundary that fits, then continue with the rest.
        int cut;
        var lastFit = -1;
        for (var i = start + 1; i <= end; i++)
        {
            if (i < end && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            if (Tokenizer.CountTokens(text.AsSpan(start, i - start)) <= MaxTokens - JoinCost)
            {
                lastFit = i;
            }
            else
            {
                break;
            }
        }

        cut = lastFit > start ? lastFit : LongestFittingPrefix(text, start, end);
        pieces.Add((start, cut, Tokenizer.CountTokens(text.AsSpan(start, cut - start))));
        var rest = cut;
        while (rest < end && char.IsWhiteSpace(text[rest]))
        {
            rest++;
        }

        if (rest < end)
        {
            AddPiece(text, rest, end, pieces);
        }
    }

    /// <summary>The end of the longest prefix of <c>text[start..end)</c> within the budget (a word with no space to cut at):
    /// at least one character, never inside a surrogate pair.</summary>
    private int LongestFittingPrefix(string text, int start, int end)
    {
        var best = start;
        int lo = start + 1, hi = end;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Tokenizer.CountTokens(text.AsSpan(start, mid - start)) <= MaxTokens - JoinCost)
            {
                best = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        best = Math.Max(best, start + 1);
        if (best < end && char.IsLowSurrogate(text[best]))
        {
            best = best - 1 > start ? best - 1 : best + 1;
        }

        return best;
    }
}
