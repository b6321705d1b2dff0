//! Offline use in the release build, on the victim's own device only: after
//! one visit the whole journey works with the network off; a new version
//! waits for the victim to choose it once something is typed, and takes
//! over at once when nothing is; on someone else's device nothing of the
//! widget is registered or cached.

use e2e::{Browser, replace_served_file, serve_file, site_dir, worker_with_version};
use serde_json::json;
use stolen_phone_core::i18n::{Locale, locale_file};

#[tokio::test]
async fn after_one_visit_the_whole_journey_works_offline() {
    serve_file("e2e/never-cached.txt", "on the server, never cached");
    let b = Browser::start(390, 844).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    // Nothing is registered until the victim says the device is theirs.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(b.registrations().await, 0, "no worker before the answer");
    b.start_as(MINE).await;
    b.wait_for_service_worker().await;
    back_to_the_start(&b).await;
    assert_eq!(b.fetch_result("e2e/never-cached.txt").await, "status 200");

    b.set_offline(true).await;
    // A file the worker never cached fails: the network really is off.
    assert_eq!(b.fetch_result("e2e/never-cached.txt").await, "failed");

    b.client.refresh().await.expect("reload the page");
    b.wait_for("main h1").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.check_page("offline-01-start").await;
    // Another language's words come from the cache too.
    let welsh = locale_file(Locale::Cy);
    assert_eq!(b.fetch_result(&welsh).await, "status 200");
    // Host configuration is fetched from the network first, then the cache.
    let config = b.fetch_result("config.json").await;
    assert!(
        config == "status 404" || config == "status 200",
        "config.json offline: {config}"
    );

    b.walk_to_report_lost(MINE).await;
    b.check_page("offline-02-report").await;
    b.set_offline(false).await;
    b.finish().await;
}

const MINE: &str = "My own";

/// A browser of `width` by `height` on the start page, whose victim said the
/// device is their own, with the worker in control.
async fn on_own_device(width: u32, height: u32) -> Browser {
    let b = Browser::start(width, height).await;
    b.open("").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
    b.start_as(MINE).await;
    b.wait_for_service_worker().await;
    back_to_the_start(&b).await;
    b
}

/// Back to the start page, with nothing but whose device it is answered.
async fn back_to_the_start(b: &Browser) {
    b.js("location.hash = '#/';").await;
    b.wait_for_heading("Your phone has been stolen or lost")
        .await;
}

/// Serves `sw.js` again under a new version, as a new release would, and
/// asks the page's registration to look for it.
async fn release_a_new_version(b: &Browser, new_version: &str) {
    let worker = std::fs::read_to_string(site_dir().join("sw.js")).expect("read sw.js");
    replace_served_file("sw.js", &worker_with_version(&worker, new_version));
    b.look_for_a_new_worker().await;
}

#[tokio::test]
async fn a_new_version_waits_until_the_victim_chooses_it() {
    let b = on_own_device(1280, 900).await;
    let before = b.cache_names().await;
    assert_eq!(before.len(), 1, "one version cached: {before:?}");
    // Something is answered: a reload would move the victim on.
    b.submit().await;
    b.wait_for_heading("Do these things first").await;
    b.js("window.__firstLoad = true;").await;

    let new_version = "e2e-new-version";
    release_a_new_version(&b, new_version).await;
    let notice = b
        .wait_for_text(".notice--update", "A new version of this tool is ready")
        .await;
    assert!(
        !notice.contains("Reloading clears the answers"),
        "on the victim's own device the answers are saved: {notice}"
    );
    b.check_page("offline-03-update-ready").await;
    // Nothing reloads by itself, and the page still runs its first version.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        b.js("return window.__firstLoad === true;").await,
        json!(true)
    );
    assert_eq!(b.cache_names().await.len(), 2, "old and new versions kept");

    b.press_button("Reload now").await;
    assert!(
        b.wait_for_reload().await,
        "pressing the button reloads the page"
    );
    b.wait_for("main h1").await;
    b.wait_for_service_worker().await;
    let after = b.cache_names().await;
    assert!(
        after.len() == 1 && after[0].ends_with(new_version),
        "only the new version is cached: {after:?}"
    );
    assert!(
        b.text(".notice--update").await.is_none(),
        "the notice is gone"
    );
    b.check_page("offline-04-updated").await;
    b.finish().await;
}

#[tokio::test]
async fn a_new_version_takes_over_at_once_when_nothing_is_typed() {
    let b = on_own_device(1280, 900).await;
    b.js("window.__firstLoad = true;").await;
    let new_version = "e2e-safety-fix";
    release_a_new_version(&b, new_version).await;
    assert!(
        b.wait_for_reload().await,
        "with nothing typed, the page switches to the new version by itself"
    );
    b.assert_only_version_cached(new_version).await;
    b.check_page("offline-05-switched-at-once").await;
    b.finish().await;
}

#[tokio::test]
async fn on_someone_elses_device_nothing_of_the_widget_stays_behind() {
    // An earlier visit by the device's owner left a worker and its cache.
    let b = on_own_device(390, 844).await;
    assert_eq!(b.cache_names().await.len(), 1);
    b.js("localStorage.clear(); return 0;").await;

    // The victim borrows it.
    b.client.refresh().await.expect("reload the page");
    b.wait_for("main h1").await;
    b.walk_to_report_lost("Someone else’s, or a shared one")
        .await;
    b.check_page("offline-06-someone-elses-report").await;
    for _ in 0..100 {
        if b.registrations().await == 0 && b.cache_names().await.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(b.registrations().await, 0, "no worker stays registered");
    assert_eq!(
        b.cache_names().await,
        Vec::<String>::new(),
        "no cache stays"
    );
    let storage = b.stored().await;
    assert_eq!(storage["local"], json!([]), "nothing in localStorage");
    b.finish().await;
}
