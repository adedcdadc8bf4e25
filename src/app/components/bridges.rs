//! GAAP to non-GAAP and bookings bridges as waterfall charts in inline SVG, live with the
//! scenario. Bars and their order come from the model's declarations (`model::analysis::bridge`).

use super::figure::explain_handlers;
use crate::app::grid;
use crate::app::state::State;
use crate::app::LIVE;
use crate::model::analysis::bridge::{short_label, Bar, Bridge, Kind, Scale, BRIDGES};
use crate::model::engine::format::{display, plain};
use crate::model::{Figures, Model, Period, Unit};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

const WIDTH: i64 = 400;
const PLOT_TOP: i64 = 22;
const PLOT_HEIGHT: i64 = 150;
const LABEL_LINES: i64 = 3;
const HEIGHT: i64 = PLOT_TOP + PLOT_HEIGHT + 16 + LABEL_LINES * 13;

#[derive(Properties, PartialEq)]
pub struct BridgesProps {
    pub figures: Rc<Figures>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[function_component(Bridges)]
pub fn bridges(props: &BridgesProps) -> Html {
    let group = use_node_ref();
    // Its height until on screen: styles/app.css, by the width.
    html! {
        <section class="statement bridges" id="bridges" aria-labelledby="t-bridges">
            <h2 id="t-bridges">{"Bridges"}</h2>
            <p class="note">{"From each GAAP figure to its non-GAAP counterpart, and from revenue to bookings, step by step."}
                <span class="screen-only">{" Click or tap a bar to see how it is computed; with the keyboard, the bars are one Tab stop and the arrow keys move between them."}</span></p>
            // Every bar of every chart is one tab stop (`grid.rs`), not fifteen.
            <div class="bridge-grid figure-group" ref={group.clone()} onkeydown={grid::onkeydown()} onfocusin={grid::onfocusin()}>
                { for BRIDGES.iter().map(|b| html! {
                    <BridgeChart key={b.id} bridge={b} figures={props.figures.clone()} dispatch={props.dispatch.clone()} group={group.clone()} />
                }) }
            </div>
        </section>
    }
}

#[derive(Properties)]
struct ChartProps {
    bridge: &'static Bridge,
    figures: Rc<Figures>,
    dispatch: UseReducerDispatcher<State>,
    /// The charts' group, whose tab stop a render of the chart may replace.
    group: NodeRef,
}

/// A chart renders again only when one of its bars moved, in any of its periods.
impl PartialEq for ChartProps {
    fn eq(&self, other: &Self) -> bool {
        let model = Model::release();
        self.bridge.id == other.bridge.id
            && self.bridge.periods.iter().all(|p| self.bridge.bars(model, &self.figures, *p) == other.bridge.bars(model, &other.figures, *p))
    }
}

/// "+1,027" for a step, "2,748" for a total.
fn amount(bar: &Bar) -> String {
    let change = bar.change();
    let text = display(Ok(change.abs()), Unit::Money);
    match bar.kind {
        Kind::Total => display(Ok(bar.value), Unit::Money),
        Kind::Step(_) if change.is_zero() => text,
        Kind::Step(_) if change.is_sign_negative() => format!("−{text}"),
        Kind::Step(_) => format!("+{text}"),
    }
}

/// A label broken into lines of about `width` characters, at most `LABEL_LINES`.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.truncate(LABEL_LINES as usize);
    lines
}

#[function_component(BridgeChart)]
fn bridge_chart(props: &ChartProps) -> Html {
    let model = Model::release();
    let bridge = props.bridge;
    let period = use_state(|| bridge.periods.first().copied().unwrap_or(Period::Q3_2012));
    grid::use_tab_stop(props.group.clone());
    let picker = bridge.periods.iter().map(|p| {
        let p = *p;
        let onclick = {
            let period = period.clone();
            Callback::from(move |_| period.set(p))
        };
        html! { <button type="button" aria-pressed={(p == *period).to_string()} {onclick}>{p.short()}</button> }
    });
    let title_id = format!("{}-title", bridge.id);
    let desc_id = format!("{}-desc", bridge.id);
    let chart = match bridge.bars(model, &props.figures, *period) {
        None => html! { <p class="note">{"Not defined for this scenario: a figure it needs has no value."}</p> },
        Some(bars) => {
            let scale = Scale::new(&bars, Decimal::from(WIDTH), Decimal::from(PLOT_HEIGHT));
            let n = bars.len();
            let slot_chars = (WIDTH as usize / n.max(1)) / 6;
            let describe = bars.iter().map(|b| format!("{} {}", short_label(model, b.cell.line), amount(b))).collect::<Vec<_>>().join(", ");
            let zero = scale.y(Decimal::ZERO);
            let slot = (Decimal::from(WIDTH) / Decimal::from(n.max(1) as i64)).round_dp(1);
            let shapes = bars.iter().enumerate().map(|(i, bar)| {
                let r = scale.rect(i, n, bar);
                let class = match bar.kind {
                    Kind::Total => "total",
                    Kind::Step(_) if bar.change().is_sign_negative() => "down",
                    Kind::Step(_) => "up",
                };
                let cell = bar.cell;
                let (onclick, onkeydown) = explain_handlers(&props.dispatch, cell);
                let centre = scale.centre(i, n).to_string();
                // The running total carries on to the next bar: a thin connector between them.
                let connector = (i + 1 < n).then(|| {
                    let y = scale.y(bar.to).to_string();
                    let x1 = r.x + r.width;
                    let x2 = scale.centre(i + 1, n) - r.width / Decimal::TWO;
                    html! { <line class="connector" x1={x1.to_string()} x2={x2.round_dp(1).to_string()} y1={y.clone()} y2={y} /> }
                });
                // The name starts with what the bar shows (its short label, then its amount), so
                // the words a person sees are the words that reach the bar by voice. The texts
                // stand beside the button, not in it (and let clicks through to it): its name
                // says them in one piece, where the label's broken lines would run together.
                let short = short_label(model, cell.line);
                let long = model.name(cell, cell.period);
                let name = if short == long { format!("{short} {}", amount(bar)) } else { format!("{short} {}: {long}", amount(bar)) };
                html! {
                    <>
                        // Prerendered, a bar is a picture with a name: nothing opens its
                        // derivation until the live page does (figure.rs).
                        <g class={classes!("bar", class)} tabindex={LIVE.then_some("-1")} role={if LIVE { "button" } else { "img" }} {onclick} {onkeydown}
                            aria-label={if LIVE { format!("{name}. Enter shows how it is computed.") } else { name }}>
                            // The whole slot takes the click: a small step's bar may be a pixel high.
                            <rect class="hit" x={(scale.centre(i, n) - slot / Decimal::TWO).to_string()} y={(-PLOT_TOP).to_string()}
                                width={slot.to_string()} height={(HEIGHT).to_string()} />
                            <rect class="shape" x={r.x.to_string()} y={r.y.to_string()} width={r.width.to_string()} height={r.height.max(Decimal::ONE).to_string()} />
                        </g>
                        <g class="bar-text" aria-hidden="true">
                            <text class="label" x={centre.clone()} y={(PLOT_HEIGHT + 16).to_string()}>
                                { for wrap(short, slot_chars.max(8)).into_iter().enumerate().map(|(k, line)| html! {
                                    <tspan x={centre.clone()} dy={if k == 0 { "0" } else { "1.15em" }}>{line}</tspan>
                                }) }
                            </text>
                            <text class="amount" x={centre.clone()} y={(r.y - Decimal::from(5)).to_string()}
                                data-line={cell.line} data-period={cell.period.id()} data-value={plain(Ok(bar.value))}>{amount(bar)}</text>
                            {connector}
                        </g>
                    </>
                }
            });
            html! {
                // A group, not an image: its bars are buttons, and an image has no parts to reach.
                <svg viewBox={format!("0 {} {WIDTH} {HEIGHT}", -PLOT_TOP)} role="group" aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()}>
                    <title id={title_id.clone()}>{format!("{}, {}", bridge.title, period.short())}</title>
                    <desc id={desc_id}>{describe}</desc>
                    <line class="zero" x1="0" x2={WIDTH.to_string()} y1={zero.to_string()} y2={zero.to_string()} />
                    { for shapes }
                </svg>
            }
        }
    };
    html! {
        <figure class="bridge" id={bridge.id}>
            <figcaption>
                <span class="bridge-title">{bridge.title}</span>
                <span class="picker" role="group" aria-label="Period">{ for picker }</span>
            </figcaption>
            {chart}
        </figure>
    }
}
