//! Writes the page, rendered at the release's figures, into the built index.html, so the figures
//! are on screen before the WebAssembly has loaded, and readable with JavaScript off.
//!
//!     cargo run --features ssr --bin prerender -- dist/index.html
//!
//! Trunk runs it after each build (the post_build hook in Trunk.toml), on the staged index.html,
//! after the assets have been hashed. The page is the app's own `App`, rendered by Yew's server
//! renderer: there is no second copy of it. It goes into `<div id="app">`, which the live page
//! replaces once it is whole (src/app/takeover.rs).

use std::future::Future;
use std::pin::pin;
use std::process::ExitCode;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender INDEX_HTML");
        return ExitCode::from(2);
    };
    match prerender(&path) {
        Ok(bytes) => {
            eprintln!("prerender: wrote the page into {path} ({bytes} bytes)");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("prerender: {path}: {why}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(path: &str) -> Result<usize, String> {
    let html = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    if html.contains("<div id=\"app\">") {
        return Err("already holds a prerendered page".into());
    }
    let start = html.find("<body").ok_or("no <body>")?;
    let open = start + html.get(start..).and_then(|b| b.find('>')).ok_or("no end to <body>")? + 1;
    let page = block_on(qualys_what_if::app::prerender());
    let out = format!("{}<div id=\"app\">{page}</div>{}", &html[..open], &html[open..]);
    std::fs::write(path, &out).map_err(|e| e.to_string())?;
    Ok(out.len())
}

/// Runs `future` to its end on this thread. Yew's renderer only waits on itself, so this is all
/// the executor the prerender needs.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::park(),
        }
    }
}
