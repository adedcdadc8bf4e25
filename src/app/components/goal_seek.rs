//! Goal seek from a figure's derivation: a target, the input to change, and the answer the
//! model finds (`model::analysis::solve`). Solve applies it as one undoable edit; an exact
//! solution an input can hold is offered to apply instead.

use super::analyses::input_options;
use crate::app::state::{Action, State};
use crate::model::analysis::sensitivity::levers;
use crate::model::analysis::solve::{full_precision, goal_seek, named, read_target, Exact, NoSolution, Solution};
use crate::model::engine::format::{exact, ZERO};
use crate::model::{Cell, Figures, Model, Scenario, Unit};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalSeekProps {
    pub cell: Cell,
    pub scenario: Scenario,
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

/// An answer, with what it was asked of: shown only while the scenario is the one solved, or
/// that one with the answer applied.
#[derive(Clone, PartialEq)]
struct Answer {
    scenario: Scenario,
    input: Cell,
    /// The input's value when it was solved.
    before: Decimal,
    target: Decimal,
    found: Result<Solution, NoSolution>,
}

impl Answer {
    /// Whether `now` is the solved scenario with the input at `value`.
    fn applied(&self, model: &Model, value: Decimal, now: &Scenario) -> bool {
        self.scenario.with(model, self.input, value).is_ok_and(|s| &s == now)
    }
}

/// The form as typed and its last answer: one state, so one copy of the hook's code.
#[derive(Clone, Default, PartialEq)]
struct Form {
    target: String,
    by: Option<Cell>,
    /// Why the target cannot be used.
    problem: Option<String>,
    answer: Option<Answer>,
}

/// What an answer may not be what was meant by: a margin's target typed as a fraction, and an
/// input that the answer makes negative where the release has it positive (a cost, a share count).
fn cautions(cell: Cell, a: &Answer, s: &Solution) -> Html {
    let model = Model::release();
    let hundredfold = a.target.checked_mul(Decimal::ONE_HUNDRED).unwrap_or_default();
    let fraction = (model.unit(cell) == Some(Unit::Percent) && !a.target.is_zero() && a.target.abs() < Decimal::ONE).then(|| {
        format!(
            "The target is read in percentage points, as margins are shown: {} is {} %. For {} %, type {}.",
            exact(a.target),
            exact(a.target),
            exact(hundredfold),
            exact(hundredfold)
        )
    });
    let reported = model.reported().get(model, a.input).unwrap_or_default();
    let negative = (s.nearest.is_sign_negative() && !s.nearest.is_zero() && reported > Decimal::ZERO).then(|| {
        let release = if a.input.period.is_estimate() { "on the release alone it is" } else { "the release reports" };
        format!("{} is negative at {}; {release} {}.", named(model, a.input), exact(s.nearest), exact(reported))
    });
    fraction.into_iter().chain(negative).map(|c| html! { <p class="caution">{c}</p> }).collect()
}

#[function_component(GoalSeek)]
pub fn goal_seek_form(props: &GoalSeekProps) -> Html {
    let model = Model::release();
    let cell = props.cell;
    let inputs = model.built_from(cell, &props.scenario);
    // It starts by changing the input that moves the figure most.
    let form = use_state(|| Form { by: levers(model, &props.scenario, cell).first().copied(), ..Form::default() });
    // Opened, the form takes the focus where the target is typed: after the buttons that open
    // it, it would otherwise be a Tab past Sensitivity.
    let target_field = use_node_ref();
    {
        let target_field = target_field.clone();
        use_effect_with((), move |_| {
            if let Some(field) = target_field.cast::<web_sys::HtmlElement>() {
                let _ = field.focus();
            }
        });
    }
    // The chosen input, or the first one if the choice is no longer among them.
    let input = form.by.filter(|c| inputs.contains(c)).or(inputs.first().copied());
    let update = |f: fn(&mut Form, String)| {
        let form = form.clone();
        move |text: String| {
            let mut next = (*form).clone();
            f(&mut next, text);
            form.set(next);
        }
    };
    let on_target = {
        // A message said of the text before no longer applies; Solve reads the new text.
        let set = update(|f, text| {
            f.target = text;
            f.problem = None;
        });
        Callback::from(move |e: InputEvent| {
            if let Some(field) = e.target_dyn_into::<HtmlInputElement>() {
                set(field.value());
            }
        })
    };
    let on_by = {
        let set = update(|f, key| f.by = Model::release().cells().find(|c| c.key() == key));
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                set(select.value());
            }
        })
    };
    let solve = {
        let (form, scenario, figures, dispatch) = (form.clone(), props.scenario.clone(), props.figures.clone(), props.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = input else { return };
            let mut next = (*form).clone();
            match read_target(model, cell, &next.target, figures.get(model, cell).ok()) {
                Err(why) => {
                    // The answer beside it was to another target.
                    next.problem = Some(why.to_string());
                    next.answer = None;
                }
                Ok(t) => {
                    next.problem = None;
                    let found = goal_seek(model, &scenario, cell, input, t);
                    let before = figures.get(model, input).unwrap_or_default();
                    if let Ok(s) = &found {
                        if s.nearest != before {
                            dispatch.dispatch(Action::Apply { cell: input, value: s.nearest });
                        }
                    }
                    next.answer = Some(Answer { scenario: scenario.clone(), input, before, target: t, found });
                }
            }
            form.set(next);
            // The answer in view: on a phone, below the form, it was past the sheet's bottom.
            crate::app::task::after_paint(|| {
                let result = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".explain .goal-seek-result").ok().flatten());
                if let Some(result) = result {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    result.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        })
    };
    let (target, problem) = (&form.target, &form.problem);
    let apply = |input: Cell, value: Decimal| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Apply { cell: input, value }))
    };

    let shown = form.answer.as_ref().filter(|a| {
        a.scenario == props.scenario
            || a.found.as_ref().is_ok_and(|s| {
                let exact = match s.exact {
                    Some(Exact::Enterable(x)) => Some(x),
                    _ => None,
                };
                a.applied(model, s.nearest, &props.scenario) || exact.is_some_and(|x| a.applied(model, x, &props.scenario))
            })
    });
    let result = match shown {
        None => html! {},
        Some(a) => {
            // A zero amount prints as the release prints it, "-": in a sentence, say so.
            let shows = match model.display(cell, Ok(a.target)) {
                zero if zero == ZERO => format!("zero (“{ZERO}”)"),
                shows => shows,
            };
            let input_name = named(model, a.input);
            let was = exact(a.before);
            // The target exactly: as the figure shows it (0.10, not 0.1) where that is the same number.
            let target = match read_target(model, cell, &shows, None) {
                Ok(t) if t == a.target => shows.clone(),
                _ => exact(a.target),
            };
            // What the figure comes to, exact, in its unit: a margin's percentage points, in
            // brackets below zero as the page shows it, "(49.95…%)".
            let reaches = |x: Decimal| match model.unit(cell) {
                Some(Unit::Percent) if x.is_sign_negative() && !x.is_zero() => format!("({}%)", full_precision(-x)),
                Some(Unit::Percent) => format!("{}%", full_precision(x)),
                _ => full_precision(x),
            };
            match &a.found {
                Err(why) => html! { <p class="no-solution">{why.describe(model, cell, a.input, &shows)}{" Nothing was changed."}</p> },
                Ok(s) => {
                    let nearest = if s.nearest == a.before {
                        html! { <p class="nearest">{format!("It already shows {shows}, with {input_name} at {was}.")}</p> }
                    } else if a.applied(model, s.nearest, &props.scenario) {
                        html! {
                            <p class="nearest">
                                {format!("Applied the nearest value that shows {shows}: {input_name} at ")}<strong>{exact(s.nearest)}</strong>
                                {format!(" (was {was}); the figure is now {}. Undo (↶) takes it back.", reaches(s.reaches))}
                            </p>
                        }
                    } else {
                        // Undone, or another value applied instead: offered again.
                        html! {
                            <p class="nearest">
                                {format!("The nearest value that shows {shows}: {input_name} at ")}<strong>{exact(s.nearest)}</strong>
                                {format!(" (was {was}); the figure is then {}. ", reaches(s.reaches))}
                                <button type="button" class="apply-nearest" onclick={apply(a.input, s.nearest)}>{format!("Apply {}", exact(s.nearest))}</button>
                            </p>
                        }
                    };
                    let exactly = match s.exact {
                        Some(Exact::Enterable(x)) if x == s.nearest => html! { <p class="exact">{"That is exactly the target."}</p> },
                        Some(Exact::Enterable(x)) if a.applied(model, x, &props.scenario) => html! {
                            <p class="exact">{format!("Applied instead: exactly {target} at {}.", exact(x))}</p>
                        },
                        Some(Exact::Enterable(x)) => {
                            // In place of the nearest value, where that is applied: one Undo then
                            // goes back to before the solve.
                            let onclick = match a.applied(model, s.nearest, &props.scenario) {
                                true => {
                                    let (dispatch, from, input) = (props.dispatch.clone(), a.scenario.clone(), a.input);
                                    Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ApplyInstead { cell: input, value: x, from: from.clone() }))
                                }
                                false => apply(a.input, x),
                            };
                            html! {
                                <p class="exact">
                                    {format!("Exactly {target} at {}. ", exact(x))}
                                    <button type="button" class="apply-exact" {onclick}>{format!("Apply {} instead", exact(x))}</button>
                                </p>
                            }
                        }
                        Some(Exact::Finer(x)) => html! {
                            <p class="exact">{format!("Exactly {target} at {}: more decimals than an input holds (three).", full_precision(x))}</p>
                        },
                        None => html! {},
                    };
                    html! { <>{nearest}{exactly}{cautions(cell, a, s)}</> }
                }
            }
        }
    };

    if inputs.is_empty() {
        return html! { <p class="no-solution">{"This figure is built from no input, so there is nothing to change."}</p> };
    }
    let id = |what: &str| format!("gs-{what}-{}", cell.key());
    html! {
        <form class="goal-seek" onsubmit={solve}>
            <div class="field">
                <label for={id("target")}>{"Target"}</label>
                // A text keyboard, not a number pad: a target may be negative or a change (+10%,
                // *1.1), and iOS's number pad has no minus, plus or star.
                <input id={id("target")} ref={target_field} type="text" autocomplete="off" value={target.clone()}
                    oninput={on_target} aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={problem.is_some().then(|| id("problem"))} />
                if let Some(why) = problem.clone() { <span class="field-error" id={id("problem")}>{why}</span> }
            </div>
            <div class="field">
                <label for={id("by")}>{"By changing"}</label>
                <select id={id("by")} onchange={on_by}>
                    {input_options(&inputs, input)}
                </select>
            </div>
            <button type="submit" class="solve">{"Solve"}</button>
            <div class="goal-seek-result" aria-live="polite">{result}</div>
        </form>
    }
}
