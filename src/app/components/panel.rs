//! The frame every table sits in: a titled section whose table scrolls sideways on its own.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub note: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let title_id = format!("t-{}", props.id);
    html! {
        <section class={classes!("statement", props.class.clone())} id={props.id.clone()} aria-labelledby={title_id.clone()}>
            <h2 id={title_id.clone()}>{props.title.clone()}</h2>
            <p class="note">{props.note.clone()}</p>
            <div class="scroll" role="region" tabindex="0" aria-labelledby={title_id}>
                <table>{props.children.clone()}</table>
            </div>
        </section>
    }
}
