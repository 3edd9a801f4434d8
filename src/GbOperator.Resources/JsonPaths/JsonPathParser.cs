using System.Globalization;
using System.Text;

namespace GbOperator.Resources.JsonPaths;

/// <summary>A recursive-descent parser of the <see cref="JsonPathExpression"/> subset.</summary>
internal sealed class JsonPathParser
{
    private readonly string _text;
    private int _position;
    private readonly int _end;

    public JsonPathParser(string path)
    {
        var trimmed = path.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}'))
        {
            trimmed = trimmed[1..^1].Trim();
        }

        _text = trimmed;
        _end = trimmed.Length;
        if (_position < _end && _text[_position] == '$')
        {
            _position++;
        }
    }

    public IReadOnlyList<JsonPathSegment> ParseSegments()
    {
        var segments = new List<JsonPathSegment>();
        while (_position < _end)
        {
            var c = _text[_position];
            if (c == '.')
            {
                _position++;
                if (Peek('.'))
                {
                    throw Error("recursive descent '..' is not supported");
                }

                segments.Add(Peek('*') ? ReadWildcard() : new JsonPathSegment.Child(ReadName()));
            }
            else if (c == '[')
            {
                segments.Add(ReadBracket());
            }
            else
            {
                throw Error($"expected '.' or '[' but found '{c}'");
            }
        }

        return segments;
    }

    private JsonPathSegment.Wildcard ReadWildcard()
    {
        _position++;
        return new JsonPathSegment.Wildcard();
    }

    private string ReadName()
    {
        var start = _position;
        while (_position < _end && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '-' or '$'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw Error("expected a member name");
        }

        return _text[start.._position];
    }

    private JsonPathSegment ReadBracket()
    {
        Expect('[');
        JsonPathSegment segment;
        if (Peek('*'))
        {
            segment = ReadWildcard();
        }
        else if (Peek('\'') || Peek('"'))
        {
            segment = new JsonPathSegment.Child(ReadQuoted());
        }
        else if (Peek('?'))
        {
            segment = ReadFilter();
        }
        else
        {
            segment = new JsonPathSegment.Index(ReadInteger());
        }

        Expect(']');
        return segment;
    }

    private JsonPathSegment.Filter ReadFilter()
    {
        Expect('?');
        Expect('(');
        SkipSpaces();
        Expect('@');
        var path = new List<string>();
        while (Peek('.'))
        {
            _position++;
            path.Add(ReadName());
        }

        if (path.Count == 0)
        {
            throw Error("a filter must compare a member of '@', such as @.type");
        }

        SkipSpaces();
        bool negated;
        if (_text.AsSpan(_position).StartsWith("=="))
        {
            negated = false;
        }
        else if (_text.AsSpan(_position).StartsWith("!="))
        {
            negated = true;
        }
        else
        {
            throw Error("only the == and != filter operators are supported");
        }

        _position += 2;
        SkipSpaces();
        var literal = ReadLiteral();
        SkipSpaces();
        Expect(')');
        return new JsonPathSegment.Filter(path, literal, negated);
    }

    private object? ReadLiteral()
    {
        if (Peek('\'') || Peek('"'))
        {
            return ReadQuoted();
        }

        var start = _position;
        while (_position < _end && _text[_position] is not (')' or ' '))
        {
            _position++;
        }

        var word = _text[start.._position];
        return word switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            _ when decimal.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Error($"'{word}' is not a literal; quote strings, such as \"Ready\""),
        };
    }

    private string ReadQuoted()
    {
        var quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _end && _text[_position] != quote)
        {
            if (_text[_position] == '\\' && _position + 1 < _end)
            {
                _position++;
            }

            builder.Append(_text[_position++]);
        }

        Expect(quote);
        return builder.ToString();
    }

    private int ReadInteger()
    {
        var start = _position;
        if (Peek('-'))
        {
            _position++;
        }

        while (_position < _end && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("expected an array index, '*', a quoted name or a filter");
    }

    private void SkipSpaces()
    {
        while (_position < _end && _text[_position] == ' ')
        {
            _position++;
        }
    }

    private bool Peek(char c) => _position < _end && _text[_position] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error($"expected '{c}'");
        }

        _position++;
    }

    private FormatException Error(string problem) =>
        new($"invalid JSONPath '{_text}' at offset {_position}: {problem}");
}
