//! The stored document, the scenario file and the CSV export: round trips, exactness, and
//! every way a document can be unusable (each refused with a reason, nothing half-read).
//! The page turns text into values with `JSON.parse` and back with `JSON.stringify(_, null, 2)`
//! (tests/browser/scenarios.test.mjs); here serde_json does, as the same values and bytes.

mod common;

use common::{read_file, read_scenario, read_stored, write_scenario, write_stored, Json};
use proptest::prelude::*;
use qualys_what_if::model::io::export::{comparison_csv, csv, csv_file};
use qualys_what_if::model::io::saved::{self, Named, Saved};
use qualys_what_if::model::{Cell, Model, Period::*, Scenario};
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeMap;
use std::str::FromStr;

fn scenario(edits: &[(&str, &str)]) -> Scenario {
    let model = Model::release();
    edits.iter().fold(Scenario::default(), |s, (key, v)| {
        let (period, line) = key.split_once('.').unwrap();
        let cell = model.cells().find(|c| c.period.id() == period && c.line == line).unwrap();
        s.with(model, cell, Decimal::from_str(v).unwrap()).unwrap()
    })
}

fn saved() -> Saved<Json> {
    Saved {
        current: scenario(&[("q3-2012.revenue", "24382.125"), ("2012-09-30.deferred_revenue_current", "55000")]),
        named: vec![
            Named { name: "Bear case".into(), scenario: scenario(&[("q3-2012.revenue", "-0.001")]) },
            Named { name: "Bull, \"plus\" ünïcode\\ \u{1}\t\u{7f}".into(), scenario: scenario(&[("q3-2012.shares_basic", "30000.5")]) },
            Named { name: "As reported".into(), scenario: Scenario::default() },
        ],
        kept: Vec::new(),
    }
}

#[test]
fn the_stored_document_round_trips_exactly() {
    let model = Model::release();
    let text = write_stored(&saved());
    let back = read_stored(model, &text).unwrap();
    assert!(back == saved(), "{text}");
    assert_eq!(back.current.edit(Cell::new(Q3_2012, "revenue")), Some(Decimal::from_str("24382.125").unwrap()));
}

/// What version 1 of the page wrote, byte for byte (the page writes the same with
/// `JSON.stringify`: tests/browser/scenarios.test.mjs compares it with this text).
const STORED_V1: &str = include_str!("data/stored-v1.json");
const FILE_V1: &str = include_str!("data/scenario-v1.json");

#[test]
fn the_bytes_written_are_those_version_1_wrote() {
    assert_eq!(write_stored(&saved()), STORED_V1.trim_end());
    assert_eq!(write_scenario(&saved().current), FILE_V1.trim_end());
    let empty = "{\n  \"format\": \"qualys-what-if/saved\",\n  \"version\": 1,\n  \"current\": {},\n  \"scenarios\": []\n}";
    assert_eq!(write_stored(&Saved::default()), empty);
    let model = Model::release();
    assert!(read_stored(model, STORED_V1).unwrap() == saved());
    assert!(read_scenario(model, FILE_V1).unwrap() == saved().current);
}

#[test]
fn decimals_are_json_strings_and_keys_are_link_keys() {
    let text = write_stored(&saved());
    assert!(text.contains(r#""format": "qualys-what-if/saved""#), "{text}");
    assert!(text.contains(r#""version": 1"#), "{text}");
    assert!(text.contains(r#""q3-2012.revenue": "24382.125""#), "{text}");
    assert!(text.contains(r#""q3-2012.revenue": "-0.001""#), "{text}");
    let file = write_scenario(&saved().current);
    assert!(file.contains(r#""format": "qualys-what-if/scenario""#), "{file}");
    assert!(file.contains(r#""2012-09-30.deferred_revenue_current": "55000""#), "{file}");
}

/// Written by version 1 of this page, byte for byte: it must stay readable by every release.
#[test]
fn version_1_documents_stay_readable() {
    let model = Model::release();
    let stored = r#"{"format":"qualys-what-if/saved","version":1,
        "current":{"q3-2012.sbc_sales_and_marketing":"500"},
        "scenarios":[{"name":"Deferred","edits":{"2012-09-30.deferred_revenue_current":"55000","9m-2012.revenue":"70000.5"}}]}"#;
    let saved = read_stored(model, stored).unwrap();
    assert_eq!(saved.current.edit(Cell::new(Q3_2012, "sbc_sales_and_marketing")), Some(Decimal::from(500)));
    assert_eq!(saved.named.len(), 1);
    assert_eq!(saved.named[0].name, "Deferred");
    assert_eq!(saved.named[0].scenario.edit(Cell::new(M9_2012, "revenue")), Some(Decimal::from_str("70000.5").unwrap()));
    let file = r#"{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.revenue":"24382"}}"#;
    assert_eq!(read_scenario(model, file).unwrap().edit(Cell::new(Q3_2012, "revenue")), Some(Decimal::from(24382)));
}

#[test]
fn an_edit_to_an_alias_is_kept_under_its_canonical_key() {
    let model = Model::release();
    let file = r#"{"format":"qualys-what-if/scenario","version":1,"edits":{"4q-2012.deferred_revenue_current_ending":"55000"}}"#;
    let s = read_scenario(model, file).unwrap();
    assert!(write_scenario(&s).contains(r#""2012-09-30.deferred_revenue_current": "55000""#));
}

fn refused(result: Result<impl Sized, String>, named: &[&str]) {
    let Err(why) = result else { panic!("accepted; wanted a refusal naming {named:?}") };
    for n in named {
        assert!(why.contains(n), "“{why}” does not name {n}");
    }
}

#[test]
fn unusable_scenario_files_are_refused_with_a_reason() {
    let model = Model::release();
    let ok_head = r#""format":"qualys-what-if/scenario","version":1"#;
    refused(read_scenario(model, ""), &["not valid JSON"]);
    refused(read_scenario(model, "q3-2012.revenue=5"), &["not valid JSON"]);
    refused(read_scenario(model, r#"{"format":"qualys-what-if/scenario","version":1,"edits":{"#), &["not valid JSON"]);
    refused(read_scenario(model, "[1,2]"), &["not a scenario file"]);
    refused(read_scenario(model, r#"{"edits":{}}"#), &["not a scenario file", "no format"]);
    refused(read_scenario(model, r#"{"format":"qualys-what-if/saved","version":1,"current":{},"scenarios":[]}"#), &["qualys-what-if/saved"]);
    refused(read_scenario(model, r#"{"format":"qualys-what-if/scenario","version":2,"edits":{}}"#), &["version 2", "later release"]);
    refused(read_scenario(model, r#"{"format":"qualys-what-if/scenario","version":0,"edits":{}}"#), &["Version 0"]);
    refused(
        read_scenario(model, r#"{"format":"qualys-what-if/scenario","version":"1","edits":{}}"#),
        &["“version” is a string", "must be a number", "without quotes: 1."],
    );
    // A number, but no version: not "is a number; it must be a number".
    for version in ["1.5", "-1"] {
        refused(
            read_scenario(model, &format!(r#"{{"format":"qualys-what-if/scenario","version":{version},"edits":{{}}}}"#)),
            &["“version” is no version of the format; this page reads version 1."],
        );
    }
    refused(read_scenario(model, r#"{"format":"qualys-what-if/scenario","version":null,"edits":{}}"#), &["“version” is null"]);
    refused(read_scenario(model, &format!("{{{ok_head}}}")), &["damaged", "edits"]);
    // A file none of whose edits can be used is refused as the page imports it, not emptied.
    refused(
        read_file(model, &format!(r#"{{{ok_head},"edits":{{"q3-2012.revenue":24382}}}}"#)),
        &["None of its edits", "“q3-2012.revenue”: a number", "in quotes"],
    );
    refused(read_file(model, &format!(r#"{{{ok_head},"edits":{{"q3-2012.revenue":"1e3"}}}}"#)), &["q3-2012.revenue=1e3"]);
    refused(read_file(model, &format!(r#"{{{ok_head},"edits":{{"q3-2012.gross_profit":"1"}}}}"#)), &["q3-2012.gross_profit", "computed"]);
    refused(read_file(model, &format!(r#"{{{ok_head},"edits":{{"q9-2012.revenue":"1"}}}}"#)), &["q9-2012.revenue", "no such period"]);
    refused(read_file(model, &format!(r#"{{{ok_head},"edits":{{"q3-2012.shares_basic":"-5"}}}}"#)), &["shares_basic", "negative"]);
    refused(read_file(model, &format!(r#"{{{ok_head},"edits":{{"q3-2012.revenue":"1.0001"}}}}"#)), &["decimals"]);
    refused(read_scenario(model, &format!(r#"{{{ok_head},"edits":{{}},"extra":1}}"#)), &["damaged", "extra"]);
}

#[test]
fn unusable_stored_documents_are_refused_with_a_reason() {
    let model = Model::release();
    let doc = |scenarios: &str| format!(r#"{{"format":"qualys-what-if/saved","version":1,"current":{{}},"scenarios":[{scenarios}]}}"#);
    refused(read_stored(model, "{not json"), &["not valid JSON"]);
    refused(read_stored(model, r#"{"format":"qualys-what-if/saved","version":7,"current":{},"scenarios":[]}"#), &["version 7"]);
    refused(read_stored(model, r#"{"format":"qualys-what-if/saved","version":"1","current":{},"scenarios":[]}"#), &["“version” is a string"]);
    refused(read_stored(model, r#"{"format":"qualys-what-if/saved","version":1,"current":{"nope":"1"},"scenarios":[]}"#), &["working scenario", "nope"]);
    // A saved scenario that cannot be used does not make the document unusable: it is kept
    // (`one_unreadable_scenario_is_kept_and_the_others_read`).
    assert!(read_stored(model, &doc(r#"{"name":"  ","edits":{}}"#)).is_ok());
}

/// As a share link does, an imported file uses what it can and names what it skipped: one
/// figure this release does not know, or a value not written as text, does not cost the others.
#[test]
fn a_file_imports_its_usable_edits_and_names_the_rest() {
    let model = Model::release();
    let file = |edits: &str| format!(r#"{{"format":"qualys-what-if/scenario","version":1,"edits":{{{edits}}}}}"#);
    let revenue = Cell::new(Q3_2012, "revenue");
    let sm = Cell::new(Q3_2012, "sbc_sales_and_marketing");
    for (edits, named) in [
        (r#""q3-2012.revenue":"24382","q9-2012.revenue":"1""#, &["“q9-2012.revenue=1”: no such period."][..]),
        (r#""q3-2012.revenue":"24382","q3-2012.gross_profit":"1","q3-2012.sbc_sales_and_marketing":"500""#, &["“q3-2012.gross_profit=1”", "computed"]),
        (r#""q3-2012.sbc_sales_and_marketing":500,"q3-2012.revenue":"24382""#, &["“q3-2012.sbc_sales_and_marketing”: a number"]),
        (r#""q3-2012.revenue":"24382","q3-2012.shares_basic":"-5","q3-2012.shares_diluted":"x""#, &["shares_basic", "negative", "shares_diluted=x"]),
    ] {
        let imported = read_file(model, &file(edits)).unwrap_or_else(|why| panic!("{edits}: refused: {why}"));
        assert_eq!(imported.scenario.edit(revenue), Some(Decimal::from(24382)), "{edits}");
        let sm_given = edits.contains(r#"sbc_sales_and_marketing":"500""#);
        assert_eq!(imported.scenario.edit(sm), sm_given.then(|| Decimal::from(500)), "{edits}");
        let skipped = imported.skipped.join(" ");
        for n in named {
            assert!(skipped.contains(n), "{edits}: “{skipped}” does not name {n}");
        }
    }
    // Nothing skipped in a file written by the page.
    assert_eq!(read_file(model, &file(r#""q3-2012.revenue":"24382""#)).map(|i| i.skipped.len()), Ok(0));
    // An empty file is the release, not a refusal.
    assert_eq!(read_file(model, &file("")).map(|i| i.scenario), Ok(Scenario::default()));
}

/// Each field of the wrong kind, or unknown, is refused by its name: nothing of the wrong kind
/// is taken for an empty one (`"edits": []`, `"scenarios": ""`).
#[test]
fn fields_of_the_wrong_kind_or_unknown_are_refused_by_name() {
    let model = Model::release();
    let file = |rest: &str| format!(r#"{{"format":"qualys-what-if/scenario","version":1,{rest}}}"#);
    let stored = |rest: &str| format!(r#"{{"format":"qualys-what-if/saved","version":1,{rest}}}"#);
    for (edits, kind) in [("[]", "a list"), ("\"\"", "a string"), ("null", "null"), ("1", "a number"), ("true", "true or false")] {
        refused(read_scenario(model, &file(&format!(r#""edits":{edits}"#))), &["damaged", "“edits”", kind, "not an object"]);
    }
    refused(read_file(model, &file(r#""edits":{"q3-2012.revenue":[]}"#)), &["“q3-2012.revenue”: a list, not a figure written as text"]);
    refused(read_file(model, &file(r#""edits":{"q3-2012.revenue":{}}"#)), &["“q3-2012.revenue”: an object, not a figure"]);
    // A stored document is used whole or not at all (a saved scenario is kept unread instead:
    // `one_unreadable_scenario_is_kept_and_the_others_read`).
    refused(read_stored(model, &stored(r#""current":{"q3-2012.revenue":null},"scenarios":[]"#)), &["working scenario", "“q3-2012.revenue”: null"]);
    refused(read_stored(model, &stored(r#""current":{},"scenarios":"""#)), &["“scenarios”", "a string, not a list"]);
    refused(read_stored(model, &stored(r#""current":{},"scenarios":{}"#)), &["“scenarios”", "an object, not a list"]);
    refused(read_stored(model, &stored(r#""current":[],"scenarios":[]"#)), &["“current”", "a list, not an object"]);
    refused(read_stored(model, &stored(r#""current":{}"#)), &["no “scenarios”"]);
    refused(read_stored(model, &stored(r#""current":{},"scenarios":[],"theme":"dark""#)), &["“theme”", "does not know"]);
    // The format and version are read first, whatever else the document holds.
    refused(read_scenario(model, r#"{"edits":[],"format":"qualys-what-if/scenario","version":3}"#), &["version 3"]);
    refused(read_scenario(model, r#"{"format":7,"version":1,"edits":{}}"#), &["no format and version"]);
}

/// Each saved scenario is read on its own. One this release cannot read (a later release's,
/// damaged, or a second of one name) is kept with what is said of it, the others are read, and
/// the document is written back with it unchanged, where it stood.
#[test]
fn one_unreadable_scenario_is_kept_and_the_others_read() {
    let model = Model::release();
    let good = r#"{"name":"Bear","edits":{"q3-2012.revenue":"20000"}}"#;
    let good2 = r#"{"name":"Bull","edits":{}}"#;
    // (the unreadable scenario, its name as shown, what the page says of it)
    let rows: &[(&str, Option<&str>, &[&str])] = &[
        (r#"{"name":"Later","edits":{},"notes":"from version 2"}"#, Some("Later"), &["“notes”", "does not know"]),
        (r#"{"name":" Later ","edits":{"q3-2012.revenue":"lots"}}"#, Some("Later"), &["Its edits cannot be used", "q3-2012.revenue=lots"]),
        (r#"{"name":"Later","edits":{"q3-2012.revenue":24382}}"#, Some("Later"), &["“q3-2012.revenue”: a number", "in quotes"]),
        (r#"{"name":"Later","edits":[]}"#, Some("Later"), &["“edits” is a list, not an object"]),
        (r#"{"name":"Later"}"#, Some("Later"), &["no “edits”"]),
        (r#"{"name":"Bear","edits":{}}"#, Some("Bear"), &["same name"]),
        (r#"{"name":"  ","edits":{}}"#, None, &["no name"]),
        (r#"{"name":7,"edits":{}}"#, None, &["“name” is a number, not a string"]),
        (r#"{"edits":{}}"#, None, &["no “name”"]),
        (r#"7"#, None, &["It is a number, not an object."]),
        (r#"["Later"]"#, None, &["It is a list, not an object."]),
        (r#"null"#, None, &["It is null, not an object."]),
    ];
    for (bad, name, why) in rows {
        let text = format!(r#"{{"format":"qualys-what-if/saved","version":1,"current":{{}},"scenarios":[{good},{bad},{good2}]}}"#);
        let saved = read_stored(model, &text).unwrap_or_else(|e| panic!("{bad}: refused whole: {e}"));
        let names: Vec<&str> = saved.named.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["Bear", "Bull"], "{bad}");
        assert_eq!(saved.named[0].scenario.edit(Cell::new(Q3_2012, "revenue")), Some(Decimal::from(20000)), "{bad}");
        let [unread] = &saved.unread()[..] else { panic!("{bad}: {:?}", saved.unread()) };
        assert_eq!(unread.name.as_deref(), *name, "{bad}");
        for w in *why {
            assert!(unread.why.contains(w) && unread.why.ends_with('.'), "{bad}: “{}” does not say {w}", unread.why);
        }
        // Written back as it was, where it was: the whole document is the same JSON value.
        let back: Value = serde_json::from_str(&write_stored(&saved)).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(&text).unwrap(), "{bad}");
        // And after changes to the readable ones, still there, unchanged.
        let mut changed = saved.clone();
        changed.named.remove(0);
        changed.named.push(Named { name: "New".into(), scenario: Scenario::default() });
        let back: Value = serde_json::from_str(&write_stored(&changed)).unwrap();
        let items = back["scenarios"].as_array().unwrap();
        assert_eq!(items.len(), 3, "{bad}");
        assert!(items.contains(&serde_json::from_str(bad).unwrap()), "{bad}: {back}");
    }
}

#[test]
fn the_list_says_how_many_cannot_be_read_and_names_them() {
    let unread = |name: Option<&str>| saved::Unread { name: name.map(str::to_string), why: "Why.".to_string() };
    let rows: &[(&[saved::Unread], Option<&str>)] = &[
        (&[], None),
        (&[unread(Some("Later"))], Some("1 saved scenario could not be read by this version and is kept as it is. “Later”: Why.")),
        (
            &[unread(Some("Later")), unread(None)],
            Some("2 saved scenarios could not be read by this version and are kept as they are. “Later”: Why. One without a readable name: Why."),
        ),
    ];
    for (list, said) in rows {
        assert_eq!(saved::unread_note(list).as_deref(), *said);
    }
}

/// Several unreadable ones, first, last and side by side, keep their places.
#[test]
fn unreadable_scenarios_keep_their_places() {
    let text = r#"{"format":"qualys-what-if/saved","version":1,"current":{},"scenarios":[
        {"name":"X1"},{"name":"A","edits":{}},{"name":"X2"},{"name":"X3"},{"name":"B","edits":{}},{"name":"X4"}]}"#;
    let saved = read_stored(Model::release(), text).unwrap();
    let names: Vec<Option<String>> = saved.unread().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["X1", "X2", "X3", "X4"].map(|n| Some(n.to_string())));
    assert_eq!(serde_json::from_str::<Value>(&write_stored(&saved)).unwrap(), serde_json::from_str::<Value>(text).unwrap());
}

/// A key given twice is read as `JSON.parse` reads it, which the page uses: the last one wins.
#[test]
fn a_key_given_twice_is_read_as_json_parse_reads_it() {
    let model = Model::release();
    let text = r#"{"format":"qualys-what-if/scenario","version":1,"edits":{"q3-2012.revenue":"1","q3-2012.revenue":"24382"}}"#;
    assert_eq!(read_scenario(model, text).unwrap().edit(Cell::new(Q3_2012, "revenue")), Some(Decimal::from(24382)));
}

/// Values of every kind, nested, to build documents from.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![any::<String>(), Just("q3-2012.revenue".to_string()), Just("24382".to_string())].prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("version".to_string()),
                    Just("edits".to_string()),
                    Just("current".to_string()),
                    Just("scenarios".to_string()),
                    Just("name".to_string()),
                    any::<String>()
                ],
                inner,
                0..5
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A document with the right head and anything in its other fields.
fn document() -> impl Strategy<Value = Value> {
    let head = prop_oneof![Just(("qualys-what-if/saved", 1)), Just(("qualys-what-if/scenario", 1)), Just(("qualys-what-if/saved", 2))];
    (head, prop::collection::btree_map(prop_oneof![Just("edits"), Just("current"), Just("scenarios"), Just("x")], value(), 0..4)).prop_map(
        |((format, version), rest)| {
            let mut doc: BTreeMap<String, Value> = rest.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            doc.insert("format".into(), format.into());
            doc.insert("version".into(), version.into());
            Value::Object(doc.into_iter().collect())
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_document_is_read_or_refused_with_a_reason(doc in prop_oneof![value(), document()]) {
        let model = Model::release();
        if let Err(why) = saved::read_stored(model, &Json(doc.clone())) {
            prop_assert!(why.ends_with('.') && !why.contains("invalid type"), "{}", why);
        }
        if let Err(why) = saved::read_scenario(model, &Json(doc)) {
            prop_assert!(why.ends_with('.') && !why.contains("invalid type"), "{}", why);
        }
    }

    #[test]
    fn any_names_round_trip(names in prop::collection::btree_set("[^\\s]([ -~é😀\\u{1}]{0,8}[^\\s])?", 0..5), revenue in 0..100_000i64) {
        let named = names.iter().map(|n| Named { name: n.clone(), scenario: scenario(&[("q3-2012.revenue", &revenue.to_string())]) });
        let saved = Saved { current: Scenario::default(), named: named.collect(), kept: Vec::new() };
        prop_assert!(read_stored(Model::release(), &write_stored(&saved)).unwrap() == saved);
    }
}

#[test]
fn the_csv_has_a_header_per_table_and_exact_reported_and_scenario_values() {
    let model = Model::release();
    let s = scenario(&[("q3-2012.revenue", "24382.5")]);
    let text = csv(model, &s, &model.evaluate(&s));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "table,line,label,q3-2012 reported,q3-2012 scenario,q3-2011 reported,q3-2011 scenario,9m-2012 reported,9m-2012 scenario,9m-2011 reported,9m-2011 scenario,q4-2012 release estimate,q4-2012 scenario,fy-2012 release estimate,fy-2012 scenario"
    );
    assert_eq!(
        lines[1],
        "Condensed Consolidated Statements of Operations,revenue,Revenues,23382,24382.5,19375,19375,66763,67763.5,55560,55560,24300,24300,91063,92063.5"
    );
    // A line without an estimate is blank in the estimate columns. A label the table repeats
    // ("Basic", for EPS and for shares) is the line's full name.
    assert!(text.contains("\r\nCondensed Consolidated Statements of Operations,eps_basic,Net income per share - basic,"), "{text}");
    for table in qualys_what_if::model::release::tables::TABLES {
        // (A line the table shows twice, total stock-based compensation, is one figure.)
        let rows: std::collections::BTreeSet<(String, String)> =
            lines.iter().filter(|l| l.starts_with(&format!("{},", table.title))).map(|l| csv_fields(l)).map(|f| (f[2].clone(), f[1].clone())).collect();
        let labels: std::collections::BTreeSet<&String> = rows.iter().map(|(label, _)| label).collect();
        assert_eq!(labels.len(), rows.len(), "{}: {rows:?}", table.title);
    }
    let basic = lines.iter().find(|l| l.contains(",eps_basic,")).unwrap();
    assert!(basic.ends_with(",,,,"), "{basic}");
    // A row shown with its sign turned is labelled as its line is, since its values are in the
    // line's sign: EBITDA's "Other (income) expense, net" shows other income of 60 as (60).
    assert!(
        text.contains("\r\nReconciliation of Non-GAAP Disclosures: EBITDA and Adjusted EBITDA,other_income_expense_net,\"Other income (expense), net\",60,60,"),
        "{text}"
    );
    // Interest expense in the model's sign; a per-share figure exact, not rounded to the cent.
    assert!(text.contains("\r\nCondensed Consolidated Statements of Operations,interest_expense,Interest expense,"), "{text}");
    let eps = lines.iter().find(|l| l.contains(",eps_diluted,")).unwrap();
    let fields: Vec<&str> = eps.split(',').collect();
    assert!(fields[4].len() > "0.10".len(), "exact, not rounded: {eps}");
    // A label holding commas is quoted (RFC 4180); tables are separated by a blank line.
    assert!(text.contains("\r\n\r\ntable,line,label,2012-09-30 reported,2012-09-30 scenario,2011-12-31 reported,2011-12-31 scenario\r\n"));
    assert!(text.contains(",total_liabilities_and_equity,\"Total liabilities, convertible preferred stock and stockholders' equity (deficit)\","));
    // One data row per figure row of every table.
    let rows = qualys_what_if::model::release::tables::TABLES
        .iter()
        .flat_map(|t| t.rows)
        .filter(|r| matches!(r, qualys_what_if::model::release::tables::Row::Figure(_)))
        .count();
    let headers = qualys_what_if::model::release::tables::TABLES.len();
    // Then the outlook: its header, six guided figures and five implied ranges; then the
    // scenario: its header, its reading and its one edit.
    assert_eq!(lines.iter().filter(|l| !l.is_empty()).count(), rows + headers + 12 + 3);
    assert!(
        text.ends_with(
            "\r\n\r\ntable,key,label,reported or release estimate,scenario\r\nThis scenario's edits,sbc,How stock-based compensation edits are read (the share link's sbc),within,within\r\nThis scenario's edits,q3-2012.revenue,\"Revenues, Q3 2012\",23382,24382.5\r\n"
        ),
        "{text}"
    );
}

/// A CSV record's fields, quoted ones unquoted (RFC 4180).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => field.push(chars.next().unwrap_or('"')),
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn a_margin_the_page_shows_no_figure_or_n_m_for_is_written_as_it_shows() {
    let model = Model::release();
    // Revenue 0: no margin, empty. Revenue −100: a margin on it is "n.m." on the page, and so in
    // the file: its quotient (thousands of percent) would read as a margin that means something,
    // and an empty field as no figure at all.
    for (revenue, written) in [("0", ""), ("-100", "n.m.")] {
        let s = scenario(&[("q3-2012.revenue", revenue)]);
        let text = csv(model, &s, &model.evaluate(&s));
        let margin = text.split("\r\n").find(|l| l.contains(",adjusted_ebitda_margin,")).unwrap();
        let fields: Vec<&str> = margin.split(',').collect();
        assert_eq!(fields[4], written, "{margin}");
        assert_ne!(fields[3], "", "{margin}");
    }
}

#[test]
fn the_comparison_csv_has_a_row_per_figure_and_period_and_a_column_per_scenario() {
    let model = Model::release();
    let bear = model.evaluate(&scenario(&[("q3-2012.revenue", "20000.25"), ("q3-2012.shares_basic", "0")]));
    let figures = [
        ("Revenues".to_string(), Cell::new(Q3_2012, "revenue")),
        ("Revenues".to_string(), Cell::new(Q3_2011, "revenue")),
        ("Net income per share - basic".to_string(), Cell::new(Q3_2012, "eps_basic")),
        ("Total liabilities, and \"equity\"".to_string(), Cell::new(Q3_2012, "revenue")),
    ];
    let text = comparison_csv(model, &figures, &[("Release".to_string(), model.reported()), ("Bear, case".to_string(), &bear)]);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "line,label,period,Release,\"Bear, case\"");
    assert_eq!(lines[1], "revenue,Revenues,q3-2012,23382,20000.25");
    assert_eq!(lines[2], "revenue,Revenues,q3-2011,19375,19375");
    // Undefined (no basic shares) is empty; exact where defined.
    let eps: Vec<&str> = lines[3].split(',').collect();
    assert_eq!((eps[0], eps[2], eps[4]), ("eps_basic", "q3-2012", ""), "{}", lines[3]);
    assert!(eps[3].len() > "0.10".len(), "exact, not rounded: {}", lines[3]);
    assert_eq!(lines[4], "revenue,\"Total liabilities, and \"\"equity\"\"\",q3-2012,23382,20000.25");
    assert_eq!(lines.len(), 6, "four rows, a header and the final line break");
    // A guided figure is followed by where each column's falls against its range.
    let q4 = [("Revenues".to_string(), Cell::new(Q4_2012, "revenue"))];
    let high = model.evaluate(&scenario(&[("q4-2012.revenue", "24600.5")]));
    let text = comparison_csv(model, &q4, &[("Release".to_string(), model.reported()), ("High".to_string(), &high)]);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[1], "revenue,Revenues,q4-2012,24300,24600.5");
    assert_eq!(lines[2], "revenue,\"Revenues: against the guidance, $24,000 to $24,600 thousand\",q4-2012,within,above");
}

#[test]
fn a_scenario_named_as_a_formula_stays_text_in_a_spreadsheet_and_a_name_with_an_accent_reads_right() {
    let model = Model::release();
    let figures = [("Revenues".to_string(), Cell::new(Q3_2012, "revenue")), ("Interest".to_string(), Cell::new(Q3_2012, "interest_expense"))];
    let less = model.evaluate(&scenario(&[("q3-2012.interest_expense", "-38")]));
    // (scenario's name, the header's field for it)
    let rows = [
        ("=HYPERLINK(\"http://x\",\"Bear, case\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"Bear, case\"\")\""),
        ("+1", "'+1"),
        ("-case", "'-case"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Bär – case", "Bär – case"),
        ("-38", "-38"),
    ];
    for (name, field) in rows {
        let text = comparison_csv(model, &figures, &[(name.to_string(), &less)]);
        let header = text.split("\r\n").next().unwrap_or_default();
        assert_eq!(header, format!("line,label,period,{field}"), "{name}");
        // A negative figure is still a number.
        assert!(text.contains("\r\ninterest_expense,Interest,q3-2012,-38\r\n"), "{text}");
    }
    assert!(!csv_file("line,label\r\n").starts_with('\u{feff}'), "ASCII as it is");
    assert_eq!(csv_file("line,Bär\r\n"), "\u{feff}line,Bär\r\n", "a byte order mark where Excel needs one");
}

#[test]
fn a_file_of_many_bad_edits_says_each_kind_once() {
    let model = Model::release();
    let edits: Vec<String> = (0..5_000).map(|i| format!(r#""q3-2012.line_{i}":"1""#)).collect();
    let file = format!(r#"{{"format":"qualys-what-if/scenario","version":1,"edits":{{{},"q3-2012.revenue":"x"}}}}"#, edits.join(","));
    let Err(why) = read_scenario(model, &file) else { panic!("accepted") };
    assert!(why.len() < 400, "{} characters: {why}", why.len());
    assert!(why.contains("5,000 edits: no such line. For example “q3-2012.line_0=1”"), "{why}");
    assert!(why.contains("“q3-2012.revenue=x”: Not a plain decimal"), "{why}");
}

#[test]
fn an_export_is_named_after_the_saved_scenario_it_is() {
    use qualys_what_if::model::io::export::file_name;
    for (saved, extension, name) in [
        (None, "csv", "qualys-q3-2012-scenario.csv"),
        (Some("Bull case"), "csv", "qualys-q3-2012-bull-case.csv"),
        (Some("  Q4: revenue +5% / (bear)  "), "json", "qualys-q3-2012-q4-revenue-5-bear.json"),
        (Some("Prévision été"), "csv", "qualys-q3-2012-prévision-été.csv"),
        (Some("ÉTÉ 2013"), "csv", "qualys-q3-2012-ÉtÉ-2013.csv"),
        (Some("***"), "json", "qualys-q3-2012-scenario.json"),
        (Some("a".repeat(100).as_str()), "csv", format!("qualys-q3-2012-{}.csv", "a".repeat(60)).as_str()),
        (Some(format!("{}!b", "a".repeat(59)).as_str()), "csv", format!("qualys-q3-2012-{}.csv", "a".repeat(59)).as_str()),
    ] {
        assert_eq!(file_name(saved, extension), name, "{saved:?}");
    }
}

#[test]
fn the_saved_scenarios_holding_a_scenario_are_those_with_its_edits() {
    let mut named = saved().named;
    let names = |named: &[Named], s: &Scenario| saved::holding(named, s).map(|n| n.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&named, &scenario(&[("q3-2012.revenue", "-0.001")])), ["Bear case"]);
    assert_eq!(names(&named, &Scenario::default()), ["As reported"]);
    assert!(names(&named, &saved().current).is_empty());
    named.push(Named { name: "Bear case (copy)".into(), scenario: scenario(&[("q3-2012.revenue", "-0.001")]) });
    assert_eq!(names(&named, &scenario(&[("q3-2012.revenue", "-0.0010")])), ["Bear case", "Bear case (copy)"]);
}
