//! A table of the release, with its column groups, headings and rows.

use super::figure::Figure;
use super::panel::Panel;
use crate::app::grid;
use crate::app::state::State;
use crate::model::release::tables::{Emphasis, FigureRow, Row, Table};
use crate::model::{Cell, Def, Figures, Model, Period, Value};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct TableProps {
    pub table: &'static Table,
    /// How many of its rows are rendered: while the live page starts, a few more each task, the
    /// table out of sight until it is whole (`FIGURES_PER_TASK`, src/app/mod.rs).
    pub rows: usize,
    pub figures: Rc<Figures>,
    /// The state this render shows. A snapshot, not the reducer handle: the handle always reads
    /// the latest state, so old and new props would compare equal.
    pub state: Rc<State>,
    pub dispatch: UseReducerDispatcher<State>,
    /// The figures related to the one being explained, and how.
    pub highlights: Highlights,
}

/// Figures marked in the tables, with their class: "hl-self", "hl-source" or "hl-feeds".
pub type Highlights = Rc<Vec<(Cell, &'static str)>>;

fn highlight(highlights: &Highlights, cell: Cell) -> Option<&'static str> {
    highlights.iter().find(|(c, _)| *c == cell).map(|(_, h)| *h)
}

/// Whether `line` shows the same in every period under two renders: each figure's value, edit
/// mark, draft and highlight. Every keystroke makes new figures and a new state, but most tables and rows
/// show none of what changed; comparing their own figures lets Yew skip them.
fn same_line(periods: &[Period], line: &'static str, a: (&Figures, &State, &Highlights), b: (&Figures, &State, &Highlights)) -> bool {
    let model = Model::release();
    let edited = |state: &State, cell: Cell| model.editable(cell).and_then(|c| state.scenario.edit(c));
    periods.iter().all(|p| {
        let cell = Cell::new(*p, line);
        a.0.get(model, cell) == b.0.get(model, cell)
            && edited(a.1, cell) == edited(b.1, cell)
            && a.1.drafts.get(&cell) == b.1.drafts.get(&cell)
            && note(a.1, cell) == note(b.1, cell)
            && overridden(a.0, a.1, cell) == overridden(b.0, b.1, cell)
            && highlight(a.2, cell) == highlight(b.2, cell)
    })
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Self, b: &Self| Rc::ptr_eq(&a.figures, &b.figures) && Rc::ptr_eq(&a.state, &b.state) && Rc::ptr_eq(&a.highlights, &b.highlights);
        std::ptr::eq(self.table, other.table)
            && self.rows == other.rows
            // The same render's figures and state (a step of the start, `pieces`): nothing moved.
            && (same(self, other) || self.table.rows.iter().all(|row| match row {
                Row::Heading(_) => true,
                Row::Figure(r) => {
                    same_line(self.table.periods, r.line, (&self.figures, &self.state, &self.highlights), (&other.figures, &other.state, &other.highlights))
                }
            }))
    }
}

#[derive(Properties)]
struct RowProps {
    row: &'static FigureRow,
    periods: &'static [Period],
    figures: Rc<Figures>,
    state: Rc<State>,
    dispatch: UseReducerDispatcher<State>,
    highlights: Highlights,
}

impl PartialEq for RowProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.row, other.row)
            && same_line(self.periods, self.row.line, (&self.figures, &self.state, &self.highlights), (&other.figures, &other.state, &other.highlights))
    }
}

/// What the link of an edited linked input gives, where the edit overrides it with another value:
/// the figure no longer follows its link, and the tie-out shows by how much.
fn overridden(figures: &Figures, state: &State, cell: Cell) -> Option<Value> {
    let model = Model::release();
    let edited = state.scenario.edit(model.editable(cell)?)?;
    let Some(Def::Input { link: Some(_), .. }) = model.def(model.canonical(cell)) else { return None };
    let link = model.declared(model.canonical(cell), &|c| figures.get(model, c))?;
    (link != Ok(edited)).then_some(link)
}

/// What was refused in the field of `cell` when it was left, if that is the last word on it.
fn note(state: &State, cell: Cell) -> Option<&String> {
    state.refused.iter().find(|(c, _)| *c == cell).map(|(_, note)| note)
}

/// Consecutive periods under one heading ("Three Months Ended September 30,": 2012, 2011),
/// and whether they are estimates.
fn column_groups(periods: &[Period]) -> Vec<(&'static str, usize, bool)> {
    let mut groups: Vec<(&'static str, usize, bool)> = Vec::new();
    for p in periods {
        match groups.last_mut() {
            Some((g, n, _)) if *g == p.group() => *n += 1,
            _ => groups.push((p.group(), 1, p.is_estimate())),
        }
    }
    groups
}

#[function_component(StatementTable)]
pub fn statement_table(props: &TableProps) -> Html {
    let table = props.table;
    let grid = use_node_ref();
    grid::use_tab_stop(grid.clone());
    let columns = table.periods.len() + 1;
    let whole = props.rows >= table.rows.len();
    // Keyed by place: the start adds rows at the end, a few a task, and an unkeyed list is
    // matched from its end, which would render every row already there as another line.
    let rows = table.rows.iter().take(props.rows).enumerate().map(|(key, row)| match row {
        Row::Heading(label) => html! {
            <tr {key} class="heading"><th scope="colgroup" colspan={columns.to_string()}><span>{*label}</span></th></tr>
        },
        Row::Figure(r) => html! {
            <StatementRow {key} row={r} periods={table.periods} figures={props.figures.clone()}
                state={props.state.clone()} dispatch={props.dispatch.clone()} highlights={props.highlights.clone()} />
        },
    });
    let panel = Panel { id: table.id, title: table.title, note: table.note, class: (!whole).then_some("partial"), rows: table.rows.len() + 2 };
    panel.render(grid, losses(table, &props.figures), html! {
        <>
            <thead>
                <tr>
                    <td class="corner" rowspan="2"></td>
                    { for column_groups(table.periods).into_iter().map(|(g, n, estimate)| html! {
                        <th scope="colgroup" colspan={n.to_string()} class={estimate.then_some("estimate")}
                            title={estimate.then_some("The page's estimates, not reported: the fourth quarter starts at the third quarter's figures (revenue at the guidance midpoint) and the year is nine months plus the fourth quarter.")}>{g}</th>
                    }) }
                </tr>
                <tr>
                    // A column the release heads only by its group still has a name for screen readers.
                    { for table.periods.iter().map(|p| html! {
                        <th scope="col" title={p.long()} class={p.is_estimate().then_some("estimate")}>
                            if p.column().is_empty() { <span class="sr-only">{p.long()}</span> } else { {p.column()} }
                        </th>
                    }) }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </>
    })
}

/// The periods a scenario puts at a loss, said above a table whose figures follow the rule for
/// one: its diluted EPS is basic EPS beside a diluted share count it does not use, which would
/// not foot (as a filing would footnote it).
fn losses(table: &Table, figures: &Figures) -> Html {
    let model = Model::release();
    let at_a_loss = |p: &&Period| table.rows.iter().any(|r| matches!(r, Row::Figure(f) if model.at_a_loss(Cell::new(**p, f.line), figures)));
    let periods: Vec<&str> = table.periods.iter().filter(at_a_loss).map(|p| p.short()).collect();
    let Some((last, first)) = periods.split_last() else { return Html::default() };
    let (named, verb) = match first {
        [] => (last.to_string(), "is"),
        _ => (format!("{} and {last}", first.join(", ")), "are"),
    };
    html! {
        <p class="note loss">{format!("{named} {verb} at a loss: diluted EPS is basic EPS, and the diluted share count is not used, since the potential shares would be antidilutive; none of the loss is allocated to the participating preferred stock.")}</p>
    }
}

/// One line of a table: its label and its figure in each period.
#[function_component(StatementRow)]
fn statement_row(props: &RowProps) -> Html {
    let model = Model::release();
    let r = props.row;
    let emphasis = match r.emphasis {
        Emphasis::Plain => None,
        Emphasis::Subtotal => Some("subtotal"),
        Emphasis::Total => Some("total"),
    };
    let line_label = model.line(r.line).map_or(r.label, |l| l.label);
    let cells = props.periods.iter().map(|p| {
        let cell = Cell::new(*p, r.line);
        let (Some(unit), Some(_)) = (model.unit(cell), model.def(cell)) else {
            // A line with no estimate (two-class, basic, dilutive shares) is blank there.
            return html! { <td class={classes!("num", "empty", p.is_estimate().then_some("estimate"))}></td> };
        };
        let editable = model.editable(cell);
        html! {
            <Figure {cell} {unit} negated={r.negated} reading={r.reading()}
                value={props.figures.get(model, cell)} reported={model.reported().get(model, cell)}
                editable={editable.is_some()}
                edited={editable.is_some_and(|c| props.state.scenario.edit(c).is_some())}
                draft={props.state.drafts.get(&cell).cloned()}
                note={note(&props.state, cell).cloned()}
                link={overridden(&props.figures, &props.state, cell)}
                {line_label} highlight={highlight(&props.highlights, cell)}
                dispatch={props.dispatch.clone()} />
        }
    });
    html! {
        <tr class={classes!(emphasis, r.added.then_some("added"))}>
            <th scope="row">
                {r.label}
                if r.added { <span class="added-note" title="Not printed in the release; computed from its figures">{" *"}</span> }
            </th>
            { for cells }
        </tr>
    }
}
