// Tradewind listing-view beacon: confirms that a browser ran the page. Sends the view's signed token and whether the
// browser is automated (navigator.webdriver); sets no cookie and touches no storage. See docs/analytics.md.
(function () {
    "use strict";
    var script = document.currentScript;
    var token = script && script.getAttribute("data-view");
    if (!token || !navigator.sendBeacon) {
        return;
    }
    var body = JSON.stringify({ t: token, w: navigator.webdriver === true });
    navigator.sendBeacon("/analytics/beacon", new Blob([body], { type: "text/plain" }));
})();
