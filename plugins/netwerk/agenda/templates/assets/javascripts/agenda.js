/*
 * Hides activities that ended after the site was built.
 *
 * A static site goes stale between nightly builds. Each upcoming activity in a list
 * ([data-agenda-activity] inside [data-agenda-upcoming]) carries its end in
 * <time data-agenda-end datetime="...">: a moment with its UTC offset, or a date for
 * an activity that lasts all day (it ends when that day is over). Without JavaScript
 * the list as built stands.
 */
(function () {
  "use strict";

  function endOf(value) {
    var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) {
      return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1).getTime();
    }
    return Date.parse(value);
  }

  function hideEnded() {
    var now = Date.now();
    var lists = document.querySelectorAll("[data-agenda-upcoming]");
    Array.prototype.forEach.call(lists, function (list) {
      var items = list.querySelectorAll("[data-agenda-activity]");
      Array.prototype.forEach.call(items, function (item) {
        var end = item.querySelector("time[data-agenda-end]");
        var moment = end ? endOf(end.getAttribute("datetime") || "") : NaN;
        if (!isNaN(moment) && moment <= now) {
          item.hidden = true;
        }
      });
      var months = list.querySelectorAll("[data-agenda-month]");
      Array.prototype.forEach.call(months, function (month) {
        month.hidden = !month.querySelector("[data-agenda-activity]:not([hidden])");
      });
      var empty = list.querySelector("[data-agenda-empty]");
      if (empty) {
        empty.hidden = Boolean(list.querySelector("[data-agenda-activity]:not([hidden])"));
      }
    });
  }

  // With Material's instant navigation pages arrive without a reload; document$ tells.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(hideEnded);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", hideEnded);
  } else {
    hideEnded();
  }
})();
