//! One input and one figure computed from it (twice the input), exactly, with the app's
//! data attributes, so the benchmark measures load time and edit latency the same way.

use rust_decimal::Decimal;
use std::str::FromStr;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(Minimal)]
fn minimal() -> Html {
    let value = use_state(|| Decimal::from(23_382));
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = e.target_dyn_into::<HtmlInputElement>().and_then(|i| Decimal::from_str(&i.value()).ok()) {
                value.set(v);
            }
        })
    };
    let doubled = value.checked_mul(Decimal::TWO).unwrap_or_default();
    html! {
        <main>
            <h1>{"Minimal"}</h1>
            <input type="text" data-line="input" data-period="q3-2012" data-value={value.to_string()}
                value={value.to_string()} {oninput} />
            <span data-line="doubled" data-period="q3-2012" data-value={doubled.to_string()}>{doubled.to_string()}</span>
        </main>
    }
}

fn main() {
    yew::Renderer::<Minimal>::new().render();
}
