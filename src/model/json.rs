//! JSON text to a value tree and back, for the stored document and the scenario file.
//!
//! Written here rather than taken from serde_json: those documents are a few objects of
//! strings, and serde_json with serde's derives cost 21 KB of the page's 110 KB gzip budget
//! (measured on the release build). `tests/json.rs` checks this reader against serde_json,
//! which stays a dev-dependency as the reference, on arbitrary text.
//!
//! Numbers are kept as their text, so nothing passes through a float. Objects keep their
//! order, and a key that appears twice is refused: such a document is ambiguous.

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number's text, as written (valid JSON number syntax).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value under `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, in words, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// Deeper nesting than this is refused, so no document can exhaust the stack (serde_json's
/// limit too).
const MAX_DEPTH: usize = 128;

/// Reads one JSON value, with nothing but whitespace around it. The error says what was
/// expected and where: "expected `,` or `}` at line 3 column 5".
pub fn parse(text: &str) -> Result<Json, String> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(reader.error("trailing characters")),
    }
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next character; always on a character boundary.
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..).and_then(|rest| rest.chars().next())
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn error(&self, what: &str) -> String {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        match self.peek() {
            None => format!("{what} at the end (line {line} column {column})"),
            Some(_) => format!("{what} at line {line} column {column}"),
        }
    }

    /// Steps over `c` when it comes next.
    fn eat(&mut self, c: char) -> bool {
        let next = self.peek() == Some(c);
        if next {
            self.at += c.len_utf8();
        }
        next
    }

    fn skip_whitespace(&mut self) {
        while let Some(' ' | '\t' | '\n' | '\r') = self.peek() {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        match self.text.get(self.at..).is_some_and(|rest| rest.starts_with(word)) {
            true => {
                self.at += word.len();
                Ok(value)
            }
            false => Err(self.error("expected a value")),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        self.skip_whitespace();
        match self.peek() {
            Some('{') => self.object(depth + 1),
            Some('[') => self.array(depth + 1),
            Some('"') => self.string().map(Json::String),
            Some('t') => self.expect_word("true", Json::Bool(true)),
            Some('f') => self.expect_word("false", Json::Bool(false)),
            Some('n') => self.expect_word("null", Json::Null),
            Some('-' | '0'..='9') => self.number(),
            _ => Err(self.error("expected a value")),
        }
    }

    fn nest(&self, depth: usize) -> Result<(), String> {
        match depth > MAX_DEPTH {
            true => Err(self.error("nested too deeply")),
            false => Ok(()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.nest(depth)?;
        self.at += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            if self.eat(']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.nest(depth)?;
        self.at += 1; // '{'
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.skip_whitespace();
        if self.eat('}') {
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some('"') {
                return Err(self.error("expected a key in quotes"));
            }
            let key_at = self.at;
            let key = self.string()?;
            if fields.iter().any(|(k, _)| *k == key) {
                self.at = key_at;
                return Err(self.error(&format!("the key “{key}” appears twice")));
            }
            self.skip_whitespace();
            if !self.eat(':') {
                return Err(self.error("expected `:`"));
            }
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_whitespace();
            if self.eat('}') {
                return Ok(Json::Object(fields));
            }
            if !self.eat(',') {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some('0'..='9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        if self.peek() == Some('-') {
            self.at += 1;
        }
        match self.peek() {
            Some('0') => self.at += 1,
            Some('1'..='9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some('.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some('e' | 'E') = self.peek() {
            self.at += 1;
            if let Some('+' | '-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok(Json::Number(self.text.get(start..self.at).unwrap_or_default().to_string()))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, &'static str> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let n = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or("expected four hex digits after `\\u`")?;
        self.at += 4;
        Ok(n)
    }

    /// The character of an escape, after its backslash; a `\u` escape of the first half of a
    /// surrogate pair takes the second half's escape too.
    fn escape(&mut self) -> Result<char, &'static str> {
        const PAIR: &str = "expected the second half of a surrogate pair";
        let c = match self.next() {
            Some('"') => '"',
            Some('\\') => '\\',
            Some('/') => '/',
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let code = match self.hex4()? {
                    high @ 0xD800..=0xDBFF => match (self.eat('\\') && self.eat('u')).then(|| self.hex4()) {
                        Some(Ok(low @ 0xDC00..=0xDFFF)) => 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00),
                        _ => return Err(PAIR),
                    },
                    0xDC00..=0xDFFF => return Err("a lone second half of a surrogate pair"),
                    code => code,
                };
                char::from_u32(code).ok_or("not a character")?
            }
            _ => return Err("not a valid escape"),
        };
        Ok(c)
    }

    /// A string; an error points at the escape or character that cannot be read.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // '"'
        let mut out = String::new();
        loop {
            let start = self.at;
            let read = match self.next() {
                None => return Err(self.error("the text ends inside a string")),
                Some('"') => return Ok(out),
                Some('\\') => self.escape(),
                Some(c) if c < ' ' => Err("a control character inside a string"),
                Some(c) => Ok(c),
            };
            match read {
                Ok(c) => out.push(c),
                Err(what) => {
                    self.at = start;
                    return Err(self.error(what));
                }
            }
        }
    }
}

/// The value as JSON text, indented by two spaces per level, one field or item per line.
pub fn write(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn write_value(out: &mut String, value: &Json, depth: usize) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_string(out, s),
        Json::Array(items) => write_list(out, '[', ']', items, depth, |out, item| write_value(out, item, depth + 1)),
        Json::Object(fields) => write_list(out, '{', '}', fields, depth, |out, (k, v)| {
            write_string(out, k);
            out.push_str(": ");
            write_value(out, v, depth + 1);
        }),
    }
}

fn write_list<T>(out: &mut String, open: char, close: char, items: &[T], depth: usize, item: impl Fn(&mut String, &T)) {
    out.push(open);
    for (i, x) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        indent(out, depth + 1);
        item(out, x);
    }
    if !items.is_empty() {
        out.push('\n');
        indent(out, depth);
    }
    out.push(close);
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}
