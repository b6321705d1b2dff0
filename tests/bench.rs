//! In-browser timings for `cargo xtask bench`: one IMEI check, and one QR
//! render of the largest report code. Prints figures; asserts nothing about
//! speed. Run with `cargo test --release --target wasm32-unknown-unknown
//! --test bench -- --nocapture`.
#![cfg(target_arch = "wasm32")]

use stolen_phone_core::device::imei;
use stolen_phone_core::report::qr;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Mean milliseconds per call over enough calls to last about 200 ms.
fn time_per_call(mut f: impl FnMut()) -> f64 {
    let start = now_ms();
    let mut calls = 0u32;
    while now_ms() - start < 200.0 || calls < 5 {
        f();
        calls += 1;
    }
    (now_ms() - start) / f64::from(calls)
}

/// A code as long as the format allows (646 bytes; see HANDOVER.md).
fn largest_code() -> String {
    let mut text = String::from("PHONE-THEFT-REPORT/1\nFOR: insurer\n");
    while text.len() < 646 {
        text.push_str("NOTE: 0123456789 abcdefghij\n");
    }
    text.truncate(646);
    text
}

#[wasm_bindgen_test]
fn bench_imei_check_and_qr_render() {
    let pasted = "IMEI 1: 35 209900 176148 1";
    let check = time_per_call(|| {
        let _ = std::hint::black_box(imei::examine(std::hint::black_box(pasted), |_| false));
    });
    let code = largest_code();
    let render = time_per_call(|| {
        if let Ok(matrix) = qr::render(std::hint::black_box(&code)) {
            let _ = std::hint::black_box(qr::svg_path(&matrix));
        }
    });
    console_log!("BENCH imei_check_ms {check:.4}");
    console_log!("BENCH qr_render_largest_ms {render:.3}");
}
