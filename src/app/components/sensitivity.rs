//! Sensitivity from a figure's derivation: a two-way table over two of its inputs and a
//! tornado of all of them (`model::analysis::sensitivity`), both exportable as CSV. A tornado
//! bar applies its change as one undoable edit.

use super::analyses::input_options;
use crate::app::download;
use crate::app::state::{Action, State};
use crate::model::analysis::sensitivity::{
    check_percent, default_step, levers, reported_behind, table_csv, tornado, tornado_csv, two_way, Bar, Table, DEFAULT_COUNT, DEFAULT_PERCENT, MAX_COUNT,
};
use crate::model::analysis::solve::named;
use crate::model::engine::format::{exact, finer, plain};
use crate::model::engine::parse::parse_entry;
use crate::model::release::guidance::range_of;
use crate::model::{Cell, Figures, Model, Period, Scenario, Unit};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SensitivityProps {
    pub cell: Cell,
    pub scenario: Scenario,
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The settings as typed: each is used once it reads.
#[derive(Clone, PartialEq)]
struct Settings {
    rows: Option<Cell>,
    columns: Option<Cell>,
    /// Steps as typed; empty means the default for the input.
    row_step: String,
    column_step: String,
    count: String,
    percent: String,
}

fn text_field(label: &str, id: String, value: &str, error: Option<String>, set: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(field) = e.target_dyn_into::<HtmlInputElement>() {
            set.emit(field.value());
        }
    });
    let error_id = format!("{id}-problem");
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <input id={id} type="text" inputmode="decimal" autocomplete="off" value={value.to_string()} {oninput}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={error.is_some().then(|| error_id.clone())} />
            if let Some(why) = error { <span class="field-error" id={error_id}>{why}</span> }
        </div>
    }
}

fn input_select(label: &str, id: String, inputs: &[Cell], chosen: Option<Cell>, set: Callback<Option<Cell>>) -> Html {
    let options = inputs.to_vec();
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            set.emit(options.iter().find(|c| c.key() == select.value()).copied());
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{label.to_string()}</label>
            <select {id} {onchange}>
                {input_options(inputs, chosen)}
            </select>
        </div>
    }
}

/// A step as typed for `input`, or its default when the field is empty.
fn step(text: &str, input: Cell, figures: &Figures) -> Result<Decimal, String> {
    let model = Model::release();
    if text.trim().is_empty() {
        return Ok(default_step(figures.get(model, input).unwrap_or_default()));
    }
    match parse_entry(text, model.unit(input).unwrap_or(Unit::Money)) {
        Ok(v) if v > Decimal::ZERO => Ok(v),
        Ok(_) => Err("A step is above zero.".to_string()),
        Err(why) => Err(why.to_string()),
    }
}

/// The last setting of each field that could be used (`Sensitivity`).
#[derive(Default)]
struct Kept {
    row: Option<(Cell, Decimal)>,
    column: Option<(Cell, Decimal)>,
    count: Option<usize>,
    percent: Option<Decimal>,
}

#[function_component(Sensitivity)]
pub fn sensitivity(props: &SensitivityProps) -> Html {
    let model = Model::release();
    let cell = props.cell;
    let inputs = model.built_from(cell, &props.scenario);
    // The table starts with the two inputs that move the figure most.
    let settings = use_state(|| {
        let levers = levers(model, &props.scenario, cell);
        Settings {
            rows: levers.first().copied(),
            columns: levers.get(1).copied(),
            row_step: String::new(),
            column_step: String::new(),
            count: DEFAULT_COUNT.to_string(),
            percent: DEFAULT_PERCENT.to_string(),
        }
    });
    let s = (*settings).clone();
    let rows = s.rows.filter(|c| inputs.contains(c)).or(inputs.first().copied());
    let columns = s.columns.filter(|c| inputs.contains(c) && Some(*c) != rows).or(inputs.iter().find(|c| Some(**c) != rows).copied());
    let row_step = rows.map(|c| step(&s.row_step, c, &props.figures));
    let column_step = columns.map(|c| step(&s.column_step, c, &props.figures));
    let count = match s.count.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_COUNT).contains(&n) => Ok(n),
        _ => Err(format!("From 1 to {MAX_COUNT} values.")),
    };
    let percent = parse_entry(&s.percent, Unit::Percent).map_err(|e| e.to_string()).and_then(|p| check_percent(p).map_err(|e| e.to_string()));

    // While a field holds text that cannot be used, the table and the tornado keep the last
    // setting it held that could (a step for the same input), beside the message, rather than
    // going: typing 0.5 passes through 0, which is refused.
    let kept = use_mut_ref(Kept::default);
    let (row_used, column_used, count_used, percent_used) = {
        let mut k = kept.borrow_mut();
        let step_used = |kept: &mut Option<(Cell, Decimal)>, input: Option<Cell>, typed: &Option<Result<Decimal, String>>| {
            let input = input?;
            if let Some(Ok(v)) = typed {
                *kept = Some((input, *v));
            }
            kept.filter(|(c, _)| *c == input).map(|(_, v)| v)
        };
        if let Ok(n) = count {
            k.count = Some(n);
        }
        if let Ok(p) = percent {
            k.percent = Some(p);
        }
        (step_used(&mut k.row, rows, &row_step), step_used(&mut k.column, columns, &column_step), k.count, k.percent)
    };
    let table = {
        // A guided estimate's cells within its guidance are shaded.
        let guidance = range_of(cell).map(|r| (r.low, r.high));
        let key = (props.scenario.clone(), cell, rows, columns, row_used, column_used, count_used, guidance);
        use_memo(key, |(scenario, cell, rows, columns, row_step, column_step, count, guidance)| {
            let (Some(r), Some(c), Some(rs), Some(cs), Some(n)) = (rows, columns, row_step, column_step, count) else { return None };
            two_way(model, scenario, *cell, (*r, *rs), (*c, *cs), *n, *guidance).ok()
        })
    };
    let bars = use_memo((props.scenario.clone(), cell, percent_used), |(scenario, cell, percent)| match percent {
        Some(p) => tornado(model, scenario, *cell, *p),
        None => Vec::new(),
    });

    let set = |f: fn(&mut Settings, String)| {
        let settings = settings.clone();
        Callback::from(move |text: String| {
            let mut next = (*settings).clone();
            f(&mut next, text);
            settings.set(next);
        })
    };
    let choose = |f: fn(&mut Settings, Option<Cell>)| {
        let settings = settings.clone();
        Callback::from(move |c: Option<Cell>| {
            let mut next = (*settings).clone();
            f(&mut next, c);
            settings.set(next);
        })
    };
    let id = |what: &str| format!("sens-{what}-{}", cell.key());
    let export_table = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = table.as_ref() {
                download::offer(&format!("sensitivity-{}.csv", t.figure.key()), "text/csv", &table_csv(t));
            }
        })
    };
    let export_tornado = {
        let bars = bars.clone();
        Callback::from(move |_: MouseEvent| {
            download::offer(&format!("tornado-{}.csv", cell.key()), "text/csv", &tornado_csv(model, cell, &bars, percent_used.unwrap_or(DEFAULT_PERCENT)));
        })
    };
    let percent_shown = exact(percent_used.unwrap_or(DEFAULT_PERCENT));

    if inputs.is_empty() {
        return html! { <p class="no-solution">{"This figure is built from no input."}</p> };
    }
    html! {
        <div class="sensitivity">
            <h4>{"Two-way table"}</h4>
            if inputs.len() < 2 {
                <p>{"A two-way table needs two inputs; this figure is built from one."}</p>
            } else {
                <div class="settings">
                    {input_select("Rows", id("rows"), &inputs, rows, choose(|s, c| { s.rows = c; s.row_step.clear(); }))}
                    {text_field("Row step", id("row-step"), &row_step_text(&s.row_step, &row_step), row_step.clone().and_then(Result::err), set(|s, t| s.row_step = t))}
                    {input_select("Columns", id("columns"), &inputs, columns, choose(|s, c| { s.columns = c; s.column_step.clear(); }))}
                    {text_field("Column step", id("column-step"), &row_step_text(&s.column_step, &column_step), column_step.clone().and_then(Result::err), set(|s, t| s.column_step = t))}
                    {text_field("Values of each", id("count"), &s.count, count.clone().err(), set(|s, t| s.count = t))}
                </div>
                if let Some(t) = table.as_ref() { {two_way_table(t)} }
                <button type="button" class="export-table" onclick={export_table} disabled={table.is_none()}>{"Export table (CSV)"}</button>
            }
            <h4>{"Tornado"}</h4>
            <div class="settings">
                {text_field("Move each input by ± %", id("percent"), &s.percent, percent.clone().err(), set(|s, t| s.percent = t))}
            </div>
            // Said of the move in force: the last the field held that could be used; not of a
            // figure with no value now, which the chart says has no swing.
            if percent_used.is_some() && props.figures.get(model, cell).is_ok() {
                <p class="hint">{format!(
                    "Each input moved by −{percent_shown} % and +{percent_shown} %, the largest swing first (where one end has no figure, by how far the other moves it): the figure below its {} now on the left, above it on the right. A bar applies its change.",
                    model.display(cell, props.figures.get(model, cell))
                )}</p>
            }
            {tornado_chart(cell, &bars, &percent_shown, &props.figures, &props.dispatch)}
            <button type="button" class="export-tornado" onclick={export_tornado} disabled={bars.is_empty()}>{"Export tornado (CSV)"}</button>
        </div>
    }
}

/// The step field shows what is typed, or the default step it stands for when empty.
fn row_step_text(typed: &str, step: &Option<Result<Decimal, String>>) -> String {
    match (typed.is_empty(), step) {
        (true, Some(Ok(v))) => exact(*v),
        _ => typed.to_string(),
    }
}

fn two_way_table(t: &Table) -> Html {
    let model = Model::release();
    let caption = format!("{} by {} (rows) and {} (columns)", named(model, t.figure), named(model, t.rows.input), named(model, t.columns.input));
    let rows = t.rows.values.iter().zip(&t.cells).enumerate().map(|(i, (r, row))| {
        let cells = row.iter().enumerate().map(|(j, v)| {
            let current = i == t.current && j == t.current;
            let guided = t.within_guidance.get(i).and_then(|g| g.get(j)).copied().unwrap_or(false);
            let (text, value) = match v {
                Ok(v) => (model.display(t.figure, *v), plain(*v)),
                Err(why) => ("—".to_string(), format!("{why}")),
            };
            html! {
                <td class={classes!("num", current.then_some("current"), guided.then_some("in-guidance"))}
                    aria-current={current.then_some("true")} data-value={if v.is_ok() { value.clone() } else { String::new() }}
                    title={if current { "The scenario as it is".to_string() } else if v.is_err() { value } else if guided { "Within the guidance".to_string() } else { String::new() }}>{text}</td>
            }
        });
        html! { <tr><th scope="row" class="num">{exact(*r)}</th>{ for cells }</tr> }
    });
    html! {
        <>
        // Its name above the frame, not a caption inside it: a caption is as wide as the table,
        // and on a phone the frame cut it off at the window's edge.
        <p class="sensitivity-caption" id="sensitivity-caption">{caption}</p>
        <div class="scroll" role="region" tabindex="0" aria-label="Sensitivity table">
            <table class="sensitivity-table" data-figure={t.figure.key()} aria-labelledby="sensitivity-caption">
                <thead>
                    <tr>
                        <td class="corner"></td>
                        { for t.columns.values.iter().map(|v| html! { <th scope="col" class="num">{exact(*v)}</th> }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
        // The shading says what it means: it is not the tables' "built from".
        if let Some(range) = range_of(t.figure).filter(|_| !t.within_guidance.is_empty()) {
            <p class="hint guidance-key"><span class="in-guidance">{"Shaded"}</span>{format!(": within the guidance, {}, as displayed.", range.describe())}</p>
        }
        </>
    }
}

fn tornado_chart(figure: Cell, bars: &[Bar], percent: &str, figures: &Figures, dispatch: &UseReducerDispatcher<State>) -> Html {
    let model = Model::release();
    // A figure with no value now has no swing to measure, from any input: said once, rather
    // than each bar's end blaming its own input.
    let now = match figures.get(model, figure) {
        Ok(now) => now,
        Err(why) => {
            return html! {
                <p class="hint tornado-none">{format!("{} has no value in this scenario ({}): no swing can be measured from it.", model.name(figure, figure.period), why.why())}</p>
            }
        }
    };
    let from_now = |end: Decimal| end.checked_sub(now).map(|d| d.abs());
    // The end that reaches farthest from the figure now fills its half.
    let mut widest = Decimal::ZERO;
    for at in bars.iter().flat_map(|b| [&b.at_low, &b.at_high]) {
        if let Ok(Ok(f)) = at {
            widest = widest.max(from_now(*f).unwrap_or_default());
        }
    }
    // How far one end of a bar reaches from the figure now, as a share of the farthest: at most
    // one, so the percentage cannot overflow.
    let reach = |end: Decimal| -> (bool, String) {
        let share = match from_now(end) {
            Some(d) if !widest.is_zero() => (d / widest * Decimal::ONE_HUNDRED).round_dp(1),
            _ => Decimal::ZERO,
        };
        (end > now, format!("{share}%"))
    };
    let end = |bar: &Bar, down: bool| {
        let (value, at) = if down { (bar.low, &bar.at_low) } else { (bar.high, &bar.at_high) };
        let sign = if down { "−" } else { "+" };
        let Ok(Ok(f)) = at else {
            // Why this end has no figure, for whoever points at it or reads it.
            let why = match at {
                Err(e) => format!("{} cannot be {}: {e}", named(model, bar.input), exact(value)),
                Ok(Err(why)) => {
                    format!("{} has no value with {} at {}: {}", model.name(figure, figure.period), named(model, bar.input), exact(value), why.why())
                }
                Ok(Ok(_)) => String::new(),
            };
            return html! {
                <span class="t-end none" title={why.clone()}>{format!("{sign}{percent} %: —")}<span class="sr-only">{format!(" ({why})")}</span></span>
            };
        };
        let (above, width) = reach(*f);
        // A figure that does not move keeps the low end left and the high end right.
        let above = if *f == now { !down } else { above };
        let input = bar.input;
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Apply { cell: input, value }))
        };
        // Finer than the tables: most inputs move EPS by less than a cent, and their ends would
        // all read 0.26, with nothing to tell which moves it more.
        let shown = finer(Ok(*f), model.unit(figure).unwrap_or(Unit::Money));
        let label = format!("Apply {} {sign}{percent} % ({}): {} {shown}", named(model, input), exact(value), model.name(figure, figure.period));
        html! {
            <button type="button" class={classes!("t-end", if down { "t-low" } else { "t-high" }, if above { "above" } else { "below" })}
                {onclick} aria-label={label.clone()} title={label} data-value={plain(Ok(value))}>
                // The bar has the room the text leaves: the widest reaches the text, never under it.
                <span class="t-track"><span class="t-bar" style={format!("width: {width}")}></span></span>
                <span class="t-text">{format!("{sign}{percent} %: {shown}")}</span>
            </button>
        }
    };
    let row = |bar: &Bar| {
        html! {
            <li data-input={bar.input.key()}>
                <span class="t-label">{named(model, bar.input)}</span>
                {end(bar, true)}
                {end(bar, false)}
            </li>
        }
    };
    // An estimate's own inputs, then the reported ones behind it, each group under its name.
    let at = bars.iter().position(|b| reported_behind(figure, b.input)).unwrap_or(bars.len());
    let (own, reported) = bars.split_at(at);
    let has = |period: Period| reported.iter().any(|b| b.input.period == period);
    let behind = match (has(Period::Q3_2012), has(Period::M9_2012)) {
        (true, true) => "Reported inputs behind them: the third quarter, which the fourth follows until you set it, and the nine months",
        (true, false) => "Reported inputs behind them: the third quarter, which the fourth follows until you set it",
        _ => "Reported inputs behind them: the nine months",
    };
    match (own.is_empty(), reported.is_empty()) {
        (false, false) => html! {
            <>
                <h5 class="t-group">{"The estimate's own inputs"}</h5>
                <ol class="tornado">{ for own.iter().map(row) }</ol>
                <h5 class="t-group">{behind}</h5>
                <ol class="tornado">{ for reported.iter().map(row) }</ol>
            </>
        },
        _ => html! { <ol class="tornado">{ for bars.iter().map(row) }</ol> },
    }
}
