/*
 * Embeds the stolen phone helper in your page, in an iframe served from the
 * widget's own site. Your page cannot read what a victim types there.
 *
 *   <div id="stolen-phone-widget"></div>
 *   <script src="https://WIDGET-SITE/embed.js" async
 *           data-target="stolen-phone-widget" data-lang="cy"></script>
 *
 * Options are data- attributes on the script tag; EMBEDDING.md lists them.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var data = script.dataset;
  // The release build lists its languages' pre-rendered folders here, by
  // primary language ({"cy": "cy/", ...}), so that a frame in one of them
  // shows it from its first paint.
  var folders = /* language folders */ {};
  var primary = String(data.lang || "").split("-")[0].toLowerCase();
  var page = Object.prototype.hasOwnProperty.call(folders, primary) ? folders[primary] : "index.html";
  var widgetUrl = new URL(page, script.src);
  var widgetOrigin = widgetUrl.origin;

  var target = data.target ? document.getElementById(data.target) : null;
  if (!target) {
    target = document.createElement("div");
    script.parentNode.insertBefore(target, script);
  }

  // Only settings go to the widget; it checks each one again.
  var params = new URLSearchParams();
  params.set("embed", "1");
  params.set("host", window.location.origin);
  ["lang", "force", "config", "crn", "incident", "source"].forEach(function (name) {
    if (data[name]) {
      params.set(name, data[name]);
    }
  });
  Object.keys(data).forEach(function (name) {
    // data-theme-button-text becomes dataset.themeButtonText.
    if (name.indexOf("theme") === 0 && name.length > 5) {
      var setting = name.slice(5).replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
      params.set("theme" + setting, data[name]);
    }
  });
  var quickExitTop = data.quickExitTop !== undefined;
  if (quickExitTop) {
    params.set("quick-exit-top", "1");
  }

  var frame = document.createElement("iframe");
  frame.src = widgetUrl.href + "?" + params.toString();
  frame.title = data.title || "Phone stolen or lost? What to do now";
  frame.setAttribute("referrerpolicy", "no-referrer");
  var sandbox = [
    "allow-scripts",                  // the widget is a program
    "allow-same-origin",              // its own saved draft and files, on its own origin
    "allow-forms",                    // its question pages (nothing is ever submitted anywhere)
    "allow-popups",                   // official pages (police, networks) open in a new tab
    "allow-popups-to-escape-sandbox", // ...as ordinary pages
    "allow-downloads",                // saving the report codes
    "allow-modals"                    // the print dialog
  ];
  if (quickExitTop) {
    sandbox.push("allow-top-navigation-by-user-activation"); // quick exit leaves your page too
  }
  frame.setAttribute("sandbox", sandbox.join(" "));
  var allow = ["clipboard-write " + widgetOrigin];
  if (data.scan !== undefined) {
    allow.push("camera " + widgetOrigin);
  }
  frame.setAttribute("allow", allow.join("; "));
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "640px";
  target.appendChild(frame);

  // The widget tells us its height so the frame never scrolls on its own.
  window.addEventListener("message", function (event) {
    if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) {
      return;
    }
    var message = event.data;
    if (!message || message.type !== "stolen-phone:height" || typeof message.height !== "number" || !isFinite(message.height)) {
      return;
    }
    frame.style.height = Math.max(200, Math.min(Math.round(message.height), 50000)) + "px";
  });
})();
