//! The IMEI page's photo of the box label: the victim takes or chooses a
//! photo, the widget reads its barcodes on the device (in a module of its
//! own, fetched when a button is first pressed) and offers the IMEIs it
//! found, which fill the fields only when the victim presses Use.

use leptos::prelude::*;

use crate::ui::components::form::{field_id, focus_by_id};
use crate::ui::platform::picture::{
    Grey, Picture, PictureError, next_turn, open_file_picker, take_chosen_file,
};
use crate::ui::platform::split::{now_or_never, split_off};
use crate::ui::state::{tr, use_state};
use stolen_phone_core::device::imei::Imei;
use stolen_phone_core::device::label::{self, Verdict};
use stolen_phone_core::device::scan::{self, Area, Photo};
use stolen_phone_core::i18n::Msg;
use stolen_phone_core::journey::{DualSim, Field};

/// The longest side a photo is read at first: a label that fills the photo
/// still has two or three pixels a module.
const FIRST_SIDE: f64 = 1600.0;
/// The longest side the part around an unread barcode is read at again.
const SECOND_SIDE: f64 = 2400.0;

/// Where reading a photo has got to.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Idle,
    Busy,
    Done(Verdict),
    Failed(Failure),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Failure {
    NotAPicture,
    LoadFailed,
}

#[component]
pub fn LabelPhoto() -> impl IntoView {
    let reading = RwSignal::new(Reading::Idle);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        reading.set(Reading::Busy);
        leptos::task::spawn_local(async move {
            if read_label_photo(file, reading).await.is_err() {
                reading.set(Reading::Failed(Failure::LoadFailed));
            }
        });
    };
    // The reader's module comes while the victim picks the photo. One
    // photo at a time: while one is read (the page says so), a press does
    // nothing.
    let open = move |id: &'static str| {
        move |_| {
            if reading.get_untracked() == Reading::Busy {
                return;
            }
            leptos::task::spawn_local(async {
                let _ = preload_label_reader().await;
            });
            open_file_picker(id);
        }
    };
    view! {
        <div class="label-photo">
            <h2 class="heading-m">{tr(Msg::LabelPhotoTitle)}</h2>
            <p>{tr(Msg::LabelPhotoIntro)}</p>
            <p class="hint" id="label-photo-privacy">{tr(Msg::LabelPhotoPrivacy)}</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" aria-describedby="label-photo-privacy"
                    on:click=open("label-photo-camera")>{tr(Msg::LabelPhotoTake)}</button>
                <button type="button" class="button button--secondary" aria-describedby="label-photo-privacy"
                    on:click=open("label-photo-file")>{tr(Msg::LabelPhotoChoose)}</button>
            </div>
            <input type="file" id="label-photo-camera" accept="image/*" capture="environment" hidden
                tabindex="-1" on:change=on_change/>
            <input type="file" id="label-photo-file" accept="image/*" hidden tabindex="-1" on:change=on_change/>
            <div class="label-photo__result" role="status">
                {move || match reading.get() {
                    Reading::Idle => ().into_any(),
                    Reading::Busy => view! { <p class="loading">{tr(Msg::LabelPhotoReading)}</p> }.into_any(),
                    Reading::Failed(Failure::LoadFailed) => problem(Msg::LabelPhotoLoadFailed, false),
                    // Its module is in: it read the photo.
                    _ => now_or_never(label_photo_result(reading)).and_then(Result::ok).unwrap_or(().into_any()),
                }}
            </div>
        </div>
    }
}

/// A photo that gave no IMEI: why, and how to take a better one.
fn problem(msg: Msg, with_tips: bool) -> AnyView {
    view! {
        <div class="label-photo__problem">
            <p><strong>{tr(msg)}</strong></p>
            {with_tips.then(|| view! { <p>{tr(Msg::LabelPhotoTips)}</p> })}
        </div>
    }
    .into_any()
}

split_off! {
    /// Reads the photo on the device and says how it went in `reading`.
    label_reader, preload preload_label_reader, fn read_label_photo(file: web_sys::File, reading: RwSignal<Reading>) -> () {
        leptos::task::spawn_local(async move {
            let outcome = read_photo(&file).await;
            drop(file);
            // Each split-off function finds its module on its first call:
            // this one then shows the result at once.
            let _ = label_photo_result(reading).await;
            reading.set(match outcome {
                Ok(verdict) => Reading::Done(verdict),
                Err(failure) => Reading::Failed(failure),
            });
        });
    }
}

split_off! {
    /// What the photo gave, once it has been read.
    label_reader, fn label_photo_result(reading: RwSignal<Reading>) -> AnyView {
        result_view(reading)
    }
}

fn result_view(reading: RwSignal<Reading>) -> AnyView {
    match reading.get() {
        Reading::Idle | Reading::Busy => ().into_any(),
        Reading::Done(Verdict::Found {
            first,
            second,
            others,
        }) => view! { <Found first=first second=second others=others reading=reading/> }.into_any(),
        Reading::Done(Verdict::TooMany(_)) => problem(Msg::LabelPhotoTooMany, false),
        Reading::Done(Verdict::NoImei { nearly: true }) => problem(Msg::LabelPhotoNearly, false),
        Reading::Done(Verdict::NoImei { nearly: false }) => problem(Msg::LabelPhotoNoImei, false),
        Reading::Done(Verdict::Unreadable) => problem(Msg::LabelPhotoUnreadable, true),
        Reading::Done(Verdict::NoBarcode) => problem(Msg::LabelPhotoNoBarcode, true),
        Reading::Failed(Failure::NotAPicture) => problem(Msg::LabelPhotoNotAPicture, false),
        Reading::Failed(Failure::LoadFailed) => problem(Msg::LabelPhotoLoadFailed, false),
    }
}

/// What was read, and the button that puts it in the fields.
#[component]
fn Found(
    first: Imei,
    second: Option<Imei>,
    others: bool,
    reading: RwSignal<Reading>,
) -> impl IntoView {
    let state = use_state();
    let typed = move || {
        state
            .answers
            .with(|a| !a.imei_1.trim().is_empty() || !a.imei_2.trim().is_empty())
    };
    let row = |label: Msg, imei: Imei| {
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{tr(label)}</dt>
                <dd class="summary-list__value"><bdi class="code">{imei.to_string()}</bdi></dd>
            </div>
        }
    };
    let use_them = move |_| {
        state.answers.update(|a| {
            a.imei_1 = first.to_string();
            if let Some(second) = second {
                a.imei_2 = second.to_string();
                // A label with two IMEIs is a phone with two SIMs (or an
                // eSIM): the second field shows, with the number in it.
                if !a.asks_second_imei() {
                    a.dual_sim = Some(DualSim::Yes);
                }
            }
        });
        reading.set(Reading::Idle);
        focus_by_id(field_id(Field::Imei1));
    };
    view! {
        <p>{tr(Msg::LabelPhotoFound)}</p>
        <dl class="summary-list">
            {row(Msg::LabelPhotoImei1, first)}
            {second.map(|second| row(Msg::LabelPhotoImei2, second))}
        </dl>
        {others.then(|| view! { <p class="hint">{tr(Msg::LabelPhotoOthers)}</p> })}
        {move || typed().then(|| view! { <p class="hint">{tr(Msg::LabelPhotoReplaces)}</p> })}
        <button type="button" class="button" on:click=use_them>
            {tr(if second.is_some() { Msg::LabelPhotoUseTwo } else { Msg::LabelPhotoUseOne })}
        </button>
    }
}

/// Reads the photo's barcodes: the whole photo scaled down first, then,
/// if that offers no IMEI, the part where a barcode was seen but not read
/// (or the middle) more sharply, if the photo has the pixels for it.
async fn read_photo(file: &web_sys::File) -> Result<Verdict, Failure> {
    let picture = Picture::open(file).await.map_err(failure)?;
    let grey = picture
        .grey(picture.whole(), FIRST_SIDE)
        .await
        .map_err(failure)?;
    let first_scale = grey.scale;
    let (verdict, unread) = read_grey(grey).await;
    let settled = |v: &Verdict| matches!(v, Verdict::Found { .. } | Verdict::TooMany(_));
    if settled(&verdict) {
        return Ok(verdict);
    }
    // Where a barcode was seen and not read; failing that, the middle of
    // the photo, where a label photographed from too far usually is.
    let (width, height) = (picture.width(), picture.height());
    let middle = (width * 0.2, height * 0.2, width * 0.6, height * 0.6);
    let area = unread.unwrap_or(middle);
    // Only worth it if the part has a quarter as many pixels again.
    let side = area.2.max(area.3);
    if side.min(SECOND_SIDE) < 1.25 * side / first_scale {
        return Ok(verdict);
    }
    let closer = picture.grey(area, SECOND_SIDE).await.map_err(failure)?;
    let (again, _) = read_grey(closer).await;
    Ok(if settled(&again) { again } else { verdict })
}

fn failure(error: PictureError) -> Failure {
    match error {
        PictureError::NotAPicture | PictureError::NoPixels => Failure::NotAPicture,
    }
}

/// One set of grey pixels read pass by pass, the page handling what is
/// waiting between passes; with where, in the photo's own pixels, a
/// barcode was seen and not read.
async fn read_grey(grey: Grey) -> (Verdict, Option<(f64, f64, f64, f64)>) {
    let Ok(photo) = Photo::new(grey.width, grey.height, &grey.pixels) else {
        return (Verdict::NoBarcode, None);
    };
    let mut sightings = Vec::new();
    let mut done = Vec::new();
    while let Some(pass) = scan::next_pass(&sightings, &done) {
        for part in 0..scan::PARTS {
            // The page's turn first: the pixels were made grey in the turn
            // before the first part.
            next_turn().await;
            sightings.extend(scan::pass_part(&photo, pass, part));
        }
        done.push(pass);
    }
    let found = scan::conclude(&photo, &sightings);
    let verdict = label::read(&found.texts).verdict(found.unread.is_some());
    let in_photo = found.unread.map(|a: Area| {
        let s = grey.scale;
        let (left, top) = (
            grey.left + f64::from(a.left) * s,
            grey.top + f64::from(a.top) * s,
        );
        let (right, bottom) = (
            grey.left + f64::from(a.right) * s,
            grey.top + f64::from(a.bottom) * s,
        );
        (left, top, right - left, bottom - top)
    });
    (verdict, in_photo)
}
