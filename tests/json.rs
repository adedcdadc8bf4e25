//! The page's JSON reader and writer (src/model/json.rs), checked against serde_json: on
//! arbitrary text both accept the same documents and read the same values; what the page writes
//! is what serde_json's pretty printer writes, and reads back as the same value.

use proptest::prelude::*;
use qualys_what_if::model::json::{parse, write, Json};
use serde_json::Value;

/// Our value as serde_json's, to compare the two readers.
fn to_value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => serde_json::from_str(n).unwrap_or_else(|e| panic!("{n} is not a number: {e}")),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Json::Object(fields) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), to_value(v))).collect()),
    }
}

#[test]
fn reads_every_kind_of_value() {
    let text = r#" {"a": [1, -0.5, 2e10, 3E-2, 0], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": true, "d": false, "e": null, "f": {}, "g": []} "#;
    let expected = Json::Object(vec![
        ("a".into(), Json::Array(["1", "-0.5", "2e10", "3E-2", "0"].map(|n| Json::Number(n.into())).to_vec())),
        ("b".into(), Json::String("x\"\\/\u{8}\u{c}\n\r\té😀".into())),
        ("c".into(), Json::Bool(true)),
        ("d".into(), Json::Bool(false)),
        ("e".into(), Json::Null),
        ("f".into(), Json::Object(vec![])),
        ("g".into(), Json::Array(vec![])),
    ]);
    assert_eq!(parse(text), Ok(expected));
}

#[test]
fn refusals_say_what_was_expected_and_where() {
    let cases = [
        ("", "expected a value at the end (line 1 column 1)"),
        ("  ", "expected a value at the end (line 1 column 3)"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", "expected `,` or `}` at line 3 column 3"),
        ("[1, 2", "expected `,` or `]` at the end (line 1 column 6)"),
        ("[1,]", "expected a value at line 1 column 4"),
        ("{\"a\" 1}", "expected `:` at line 1 column 6"),
        ("{a: 1}", "expected a key in quotes at line 1 column 2"),
        ("{\"a\": 1, \"a\": 2}", "the key “a” appears twice at line 1 column 10"),
        ("01", "trailing characters at line 1 column 2"),
        ("1 2", "trailing characters at line 1 column 3"),
        ("-", "expected a digit at the end (line 1 column 2)"),
        ("1.", "expected a digit after the decimal point at the end (line 1 column 3)"),
        ("1e+", "expected a digit in the exponent at the end (line 1 column 4)"),
        ("tru", "expected a value at line 1 column 1"),
        ("\"abc", "the text ends inside a string at the end (line 1 column 5)"),
        ("\"a\tb\"", "a control character inside a string at line 1 column 3"),
        ("\"\\x\"", "not a valid escape at line 1 column 2"),
        ("\"\\u12g4\"", "expected four hex digits after `\\u` at line 1 column 2"),
        ("\"\\ud800\"", "expected the second half of a surrogate pair at line 1 column 2"),
        ("\"\\ud800\\u0041\"", "expected the second half of a surrogate pair at line 1 column 2"),
        ("\"\\udc00\"", "a lone second half of a surrogate pair at line 1 column 2"),
        ("\"é\" x", "trailing characters at line 1 column 5"),
    ];
    for (text, message) in cases {
        assert_eq!(parse(text), Err(message.to_string()), "{text:?}");
        assert!(serde_json::from_str::<Value>(text).is_err() || message.contains("twice"), "serde_json accepts {text:?}");
    }
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    assert!(parse(&"[".repeat(100)).is_err_and(|e| !e.contains("deeply")), "100 levels are read");
    assert!(parse(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
    for open in ["[", "{\"a\":"] {
        let e = parse(&open.repeat(100_000)).unwrap_err();
        assert!(e.starts_with("nested too deeply at line 1 column "), "{e}");
    }
}

#[test]
fn writes_like_serde_json_pretty() {
    let doc = Json::Object(vec![
        ("format".into(), Json::String("x".into())),
        ("version".into(), Json::Number("1".into())),
        ("edits".into(), Json::Object(vec![("q3-2012.revenue".into(), Json::String("24382".into()))])),
        ("none".into(), Json::Object(vec![])),
        ("list".into(), Json::Array(vec![Json::Null, Json::Bool(true), Json::Array(vec![])])),
    ]);
    let expected = "{\n  \"format\": \"x\",\n  \"version\": 1,\n  \"edits\": {\n    \"q3-2012.revenue\": \"24382\"\n  },\n  \"none\": {},\n  \"list\": [\n    null,\n    true,\n    []\n  ]\n}";
    assert_eq!(write(&doc), expected);
    assert_eq!(write(&Json::String("\u{0}\u{1f}\u{7f}é\"\\".into())), r#""\u0000\u001f"#.to_string() + "\u{7f}é\\\"\\\\\"");
}

/// Values as serde_json keeps them (object keys sorted and unique, integer numbers), so the
/// two writers can be compared text for text.
fn value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| Json::Number(n.to_string())),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6).prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that is often JSON and often nearly JSON: serialised values with a few characters
/// changed, inserted or removed.
fn nearly_json() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, prop::sample::select(&b"{}[]\":,\\-+.0123456789eEtrufalsn \n\tu"[..])), 0..4);
    (value(), edits).prop_map(|(v, edits)| {
        let mut text: Vec<char> = serde_json::to_string(&to_value(&v)).unwrap_or_default().chars().collect();
        for (at, how, c) in edits {
            let i = at.index(text.len() + 1);
            match how {
                0 => text.insert(i, char::from(c)),
                1 if i < text.len() => text[i] = char::from(c),
                _ if i < text.len() => drop(text.remove(i)),
                _ => {}
            }
        }
        text.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_is_written_is_serde_jsons_text_and_reads_back(v in value()) {
        let text = write(&v);
        prop_assert_eq!(&text, &serde_json::to_string_pretty(&to_value(&v)).unwrap());
        prop_assert_eq!(parse(&text), Ok(v));
    }

    #[test]
    fn reads_what_serde_json_reads(text in nearly_json()) {
        match (parse(&text), serde_json::from_str::<Value>(&text)) {
            (Ok(ours), Ok(theirs)) => prop_assert_eq!(to_value(&ours), theirs),
            (Err(e), Ok(theirs)) => prop_assert!(e.contains("appears twice"), "refused {:?} ({}), serde_json read {:?}", text, e, theirs),
            // Numbers are kept as text, so one beyond a float's range is still read.
            (Ok(_), Err(e)) if e.to_string().starts_with("number out of range") => {}
            (Ok(ours), Err(e)) => prop_assert!(false, "read {:?} as {:?}, serde_json refused it: {}", text, ours, e),
            (Err(_), Err(_)) => {}
        }
    }

    #[test]
    fn any_text_is_read_or_refused(text in any::<String>()) {
        prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<Value>(&text).is_ok());
    }
}
