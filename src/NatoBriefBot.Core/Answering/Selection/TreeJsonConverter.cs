using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NatoBriefBot.Core.Answering.Selection;

/// <summary>
/// Boosted trees in the model file, one tree per line: a split is <c>[input, threshold, left, right]</c>, a leaf is
/// <c>[value]</c>. A gate holds a quarter of a million nodes; written as named objects, one field per line, they made the
/// file 29 MB and slow to read. Files written in that older form (nodes as <c>{"feature": …}</c> objects) still load.
/// </summary>
internal sealed class TreeJsonConverter : JsonConverter<IReadOnlyList<IReadOnlyList<TreeNode>>>
{
    public override IReadOnlyList<IReadOnlyList<TreeNode>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray, "The trees are a JSON array of trees");
        var trees = new List<IReadOnlyList<TreeNode>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray, "A tree is a JSON array of nodes");
            var nodes = new List<TreeNode>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                nodes.Add(reader.TokenType switch
                {
                    JsonTokenType.StartArray => ReadCompact(ref reader),
                    JsonTokenType.StartObject => JsonSerializer.Deserialize<TreeNode>(ref reader, options),
                    _ => throw new JsonException($"A tree node is a JSON array or object, not {reader.TokenType}."),
                });
            }

            trees.Add(nodes);
        }

        return trees;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyList<TreeNode>> value, JsonSerializerOptions options)
    {
        // Written raw: an indented writer would put every number of every node on a line of its own.
        var indent = writer.Options.Indented ? "\n" + new string(' ', 2 * (writer.CurrentDepth + 1)) : "";
        var text = new StringBuilder("[");
        for (var t = 0; t < value.Count; t++)
        {
            text.Append(t == 0 ? indent : "," + indent).Append('[');
            for (var i = 0; i < value[t].Count; i++)
            {
                var node = value[t][i];
                text.Append(i == 0 ? "[" : ",[");
                text.Append(node.Feature < 0
                    ? Number(node.Value)
                    : string.Create(CultureInfo.InvariantCulture, $"{node.Feature},{Number(node.Threshold)},{node.Left},{node.Right}"));
                text.Append(']');
            }

            text.Append(']');
        }

        var close = writer.Options.Indented && value.Count > 0 ? "\n" + new string(' ', 2 * writer.CurrentDepth) : "";
        writer.WriteRawValue(text.Append(close).Append(']').ToString(), skipInputValidation: true);
    }

    private const string NodeShape = "A tree node is [value] for a leaf or [input, threshold, left, right] for a split.";

    /// <summary>The shortest text that reads back as the same double.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static TreeNode ReadCompact(ref Utf8JsonReader reader)
    {
        Span<double> parts = stackalloc double[4];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || count == parts.Length)
            {
                throw new JsonException(NodeShape);
            }

            parts[count++] = reader.GetDouble();
        }

        return count switch
        {
            1 => new TreeNode(-1, 0, 0, 0, parts[0]),
            4 => new TreeNode(Whole(parts[0]), parts[1], Whole(parts[2]), Whole(parts[3]), 0),
            _ => throw new JsonException(NodeShape),
        };
    }

    private static int Whole(double value) =>
        value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new JsonException($"A tree node's input and branches are whole numbers, not {value.ToString(CultureInfo.InvariantCulture)}.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{what}, not {reader.TokenType}.");
        }
    }
}
