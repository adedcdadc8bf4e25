//! Changes to the named scenarios applied to the list storage holds, as a second tab of the
//! page may have written it: matched by name, and no scenario lost that the change did not mean
//! to remove.

use qualys_what_if::model::io::named::{differences, free_name, Change};
use qualys_what_if::model::io::saved::Named;
use qualys_what_if::model::{Cell, Model, Period::*, Scenario};
use rust_decimal::Decimal;

fn revenue(v: i64) -> Scenario {
    Scenario::default().with(Model::release(), Cell::new(Q3_2012, "revenue"), Decimal::from(v)).unwrap()
}

fn named(name: &str, v: i64) -> Named {
    Named { name: name.to_string(), scenario: revenue(v) }
}

fn list(items: &[(&str, i64)]) -> Vec<Named> {
    items.iter().map(|(n, v)| named(n, *v)).collect()
}

#[test]
fn each_change_applied_to_what_another_tab_wrote() {
    let rename = |from: &str, to: &str, v| Change::Rename { from: from.into(), to: to.into(), scenario: revenue(v) };
    let cases: Vec<(&str, Vec<Named>, Change, Vec<Named>)> = vec![
        ("a save joins the other tab's", list(&[("B", 2)]), Change::Save(named("A", 1)), list(&[("B", 2), ("A", 1)])),
        ("a save replaces its name", list(&[("A", 9), ("B", 2)]), Change::Save(named("A", 1)), list(&[("A", 1), ("B", 2)])),
        ("a rename", list(&[("A", 1), ("B", 2)]), rename("A", "C", 1), list(&[("C", 1), ("B", 2)])),
        ("a rename onto a name taken meanwhile keeps both", list(&[("A", 1), ("C", 3)]), rename("A", "C", 1), list(&[("A", 1), ("C", 3)])),
        ("a rename of one deleted meanwhile keeps it", list(&[("B", 2)]), rename("A", "C", 1), list(&[("B", 2), ("C", 1)])),
        ("… under a free name", list(&[("C", 3)]), rename("A", "C", 1), list(&[("C", 3), ("C (2)", 1)])),
        ("a delete", list(&[("A", 1), ("B", 2)]), Change::Delete(named("A", 1)), list(&[("B", 2)])),
        ("a delete keeps one saved again since", list(&[("A", 5), ("B", 2)]), Change::Delete(named("A", 1)), list(&[("A", 5), ("B", 2)])),
        (
            "a duplicate at its place",
            list(&[("A", 1), ("B", 2)]),
            Change::Add { at: 1, named: named("A (copy)", 1) },
            list(&[("A", 1), ("A (copy)", 1), ("B", 2)]),
        ),
        ("an add already there is not repeated", list(&[("A", 1)]), Change::Add { at: 0, named: named("A", 1) }, list(&[("A", 1)])),
        ("a restore under a name taken meanwhile", list(&[("A", 7)]), Change::Add { at: 0, named: named("A", 1) }, list(&[("A (2)", 1), ("A", 7)])),
        ("a place past the end is the end", list(&[]), Change::Add { at: 5, named: named("A", 1) }, list(&[("A", 1)])),
    ];
    for (what, mut there, change, want) in cases {
        change.apply(&mut there);
        assert_eq!(there, want, "{what}");
    }
}

/// The two tabs: A saves "A", B saves "B", A edits a figure (and writes): both kept.
#[test]
fn two_tabs_keep_each_others_scenarios() {
    let mut storage: Vec<Named> = Vec::new();
    let a = [Change::Save(named("A", 1))];
    for change in &a {
        change.apply(&mut storage);
    }
    // Tab B had read an empty list; it writes its save onto what storage holds now.
    Change::Save(named("B", 2)).apply(&mut storage);
    // Tab A's next write (its edit) has no change to the list left: storage stays whole.
    assert_eq!(storage, list(&[("A", 1), ("B", 2)]));
    assert_eq!(differences(&list(&[("A", 1)]), &storage).as_deref(), Some("“B” added"));
}

#[test]
fn differences_say_what_was_added_changed_and_deleted() {
    let before = list(&[("A", 1), ("B", 2), ("C", 3)]);
    let after = list(&[("A", 1), ("B", 5), ("D", 4)]);
    assert_eq!(differences(&before, &after).as_deref(), Some("“D” added; “B” changed; “C” deleted"));
    assert_eq!(differences(&before, &before), None);
    // A name gone and a new one with the same scenario: renamed, in another tab.
    let renamed = list(&[("A", 1), ("Bull", 2), ("C", 3)]);
    assert_eq!(differences(&before, &renamed).as_deref(), Some("“B” renamed “Bull”"));
    let renamed_and_more = list(&[("A", 1), ("Bull", 2), ("E", 3), ("F", 9)]);
    assert_eq!(differences(&before, &renamed_and_more).as_deref(), Some("“B” renamed “Bull”; “C” renamed “E”; “F” added"));
    let taken = |n: &str| before.iter().any(|b| b.name == n) || n == "A (2)";
    assert_eq!(free_name("A", taken), "A (3)");
    assert_eq!(free_name("E", taken), "E");
}
