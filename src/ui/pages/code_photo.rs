//! The check page's photo of a report code: staff choose a photo (of the
//! printed report, or of the victim's screen), the widget's QR worker reads
//! every QR code in it on the device, and each code is checked as a pasted
//! one is. The typed box is left as it is.

use leptos::prelude::*;

use crate::ui::pages::check_code::{Refused, Verified};
use crate::ui::platform::picture::{
    Picture, PictureError, next_turn, open_file_picker, take_chosen_file,
};
use crate::ui::platform::qr_worker::{QrWorker, WorkerFailed};
use crate::ui::state::{tr, use_state};
use crate::ui::words::load_date_format;
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::report::code::decode;
use stolen_phone_core::report::photo::{Found, Unread};

/// The longest side a photo is read at first: a printed page's codes
/// still have three or four pixels a module.
const FIRST_SIDE: f64 = 1600.0;
/// The longest side it is read at again if a code was missed or unread.
const SECOND_SIDE: f64 = 3200.0;

const INPUT_ID: &str = "code-photo-file";

/// Where reading a photo has got to.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Idle,
    Busy,
    Done(Vec<Found>),
    Failed(Failure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    NotAPicture,
    ReaderFailed,
}

#[component]
pub fn CodePhoto() -> impl IntoView {
    let reading = RwSignal::new(Reading::Idle);
    let catalog = use_state().catalog;
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        reading.set(Reading::Busy);
        // A code's date is shown in the page's language: its date data is
        // loaded in a turn of its own while the photo is read, not in the
        // same turn as the codes are shown.
        leptos::task::spawn_local(async move {
            next_turn().await;
            catalog.with_untracked(load_date_format);
        });
        leptos::task::spawn_local(async move {
            let outcome = read_photo(&file).await;
            drop(file);
            reading.set(match outcome {
                Ok(codes) => Reading::Done(codes),
                Err(failure) => Reading::Failed(failure),
            });
        });
    };
    // One photo at a time: while one is read (the page says so), a press
    // does nothing.
    let choose = move |_| {
        if reading.get_untracked() == Reading::Busy {
            return;
        }
        open_file_picker(INPUT_ID);
    };
    view! {
        <div class="code-photo">
            <h2 class="heading-m">{tr(Msg::CheckCodeImageLabel)}</h2>
            <p class="hint" id="code-photo-privacy">{tr(Msg::CheckCodeImageHint)}</p>
            <button type="button" class="button button--secondary" aria-describedby="code-photo-privacy"
                on:click=choose>{tr(Msg::CheckCodePhotoChoose)}</button>
            <input type="file" id=INPUT_ID accept="image/*" hidden tabindex="-1" on:change=on_change/>
            <div class="code-photo__result" role="status">
                {move || match reading.get() {
                    Reading::Idle => ().into_any(),
                    Reading::Busy => view! { <p class="loading">{tr(Msg::CheckCodePhotoReading)}</p> }.into_any(),
                    Reading::Done(codes) if codes.is_empty() => problem(Msg::CheckCodeImageNone),
                    Reading::Done(codes) => view! { <Codes codes=codes/> }.into_any(),
                    Reading::Failed(Failure::NotAPicture) => problem(Msg::CheckCodePhotoNotAPicture),
                    Reading::Failed(Failure::ReaderFailed) => problem(Msg::CheckCodePhotoFailed),
                }}
            </div>
        </div>
    }
}

fn problem(msg: Msg) -> AnyView {
    view! { <p class="code-photo__problem"><strong>{tr(msg)}</strong></p> }.into_any()
}

/// Every code the photo held, each checked.
#[component]
fn Codes(codes: Vec<Found>) -> impl IntoView {
    let state = use_state();
    let count = codes.len();
    let found = move || {
        state
            .catalog
            .with(|c| c.plural(Msg::CheckCodePhotoFound, count as u64))
    };
    let each = codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let heading = move || {
                state.catalog.with(|c| {
                    c.fill(
                        Msg::CheckCodePhotoCode,
                        &[
                            ("number", &(i + 1).to_string()),
                            ("count", &count.to_string()),
                        ],
                    )
                })
            };
            let result = match code {
                Ok(text) => match decode(&text) {
                    Ok(decoded) => view! { <Verified decoded=decoded nested=true/> }.into_any(),
                    Err(error) => view! { <Refused error=error nested=true/> }.into_any(),
                },
                Err(why) => view! { <NotRead why=why/> }.into_any(),
            };
            view! {
                <li class="code-photo__code">
                    {(count > 1).then(|| view! { <p class="caption">{heading}</p> })}
                    {result}
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{found}</p>
        <ul class="code-photo__codes">{each}</ul>
    }
}

/// A code that was found and did not read: why, and what to do.
#[component]
fn NotRead(why: Unread) -> impl IntoView {
    let reason = match why {
        Unread::NotText => Msg::CheckCodePhotoNotText,
        Unread::Damaged => Msg::CheckCodePhotoDamaged,
        Unread::Unclear => Msg::CheckCodePhotoUnclear,
    };
    view! {
        <div class="check-result check-result--invalid">
            <h3 class="heading-m">{tr(Msg::CheckCodePhotoNotRead)}</h3>
            <p>{tr(reason)}</p>
        </div>
    }
}

/// Reads the photo's QR codes: the whole photo scaled down first, then,
/// if a code was missed or did not read and the photo has the pixels for
/// it, more sharply. Whichever read more codes is kept.
async fn read_photo(file: &web_sys::File) -> Result<Vec<Found>, Failure> {
    let picture = Picture::open(file).await.map_err(failure)?;
    let worker = QrWorker::start().map_err(reader_failed)?;
    let grey = picture
        .grey(picture.whole(), FIRST_SIDE)
        .await
        .map_err(failure)?;
    let first = worker.read(&grey).await.map_err(reader_failed)?;
    let scale = grey.scale;
    drop(grey);
    let all_read = !first.is_empty() && first.iter().all(Result::is_ok);
    if all_read || scale < 1.25 {
        return Ok(first);
    }
    let Ok(finer) = picture.grey(picture.whole(), SECOND_SIDE).await else {
        return Ok(first);
    };
    let Ok(second) = worker.read(&finer).await else {
        return Ok(first);
    };
    let read = |codes: &[Found]| codes.iter().filter(|c| c.is_ok()).count();
    Ok(if read(&second) > read(&first) || first.is_empty() {
        second
    } else {
        first
    })
}

fn failure(error: PictureError) -> Failure {
    match error {
        PictureError::NotAPicture | PictureError::NoPixels => Failure::NotAPicture,
    }
}

fn reader_failed(_: WorkerFailed) -> Failure {
    Failure::ReaderFailed
}
