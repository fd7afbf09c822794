/*
 * The kennisbank's filters (netwerk/kennisbank.html): narrow the resources by theme, kind,
 * sector and partner, in place, and say how many are left.
 *
 * Each resource ([data-compass-thema] etc.) lists the codes it can be found by, separated by
 * spaces; a resource without sectors is for every sector. The choices are kept in the address
 * (?thema=lezen&soort=tool), so a filtered view can be shared. Without JavaScript the form stays
 * hidden and the page lists everything, with links to each theme's and kind's own page.
 */
(function () {
  "use strict";

  var FIELDS = ["thema", "soort", "werkveld", "partner"];

  function matches(item, field, value) {
    if (!value) {
      return true;
    }
    var codes = (item.getAttribute("data-compass-" + field) || "").split(" ").filter(Boolean);
    if (field === "werkveld" && codes.length === 0) {
      return true;
    }
    return codes.indexOf(value) !== -1;
  }

  function start() {
    var form = document.querySelector("form[data-compass]");
    if (!form || form.getAttribute("data-compass-started")) {
      return;
    }
    form.setAttribute("data-compass-started", "");
    var selects = FIELDS.map(function (name) {
      return form.elements.namedItem(name);
    }).filter(Boolean);
    var items = document.querySelectorAll("[data-compass-soort]");
    var groups = document.querySelectorAll("[data-compass-group]");
    var count = form.querySelector("[data-compass-count]");
    var params = new URLSearchParams(window.location.search);

    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var keep = selects.every(function (select) {
          return matches(item, select.name, select.value);
        });
        item.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("[data-compass-soort]:not([hidden])");
      });
      count.textContent = shown === 1 ? "1 bron" : shown + " bronnen";
      var query = new URLSearchParams();
      selects.forEach(function (select) {
        if (select.value) {
          query.set(select.name, select.value);
        }
      });
      var search = query.toString();
      window.history.replaceState(
        null,
        "",
        window.location.pathname + (search ? "?" + search : "") + window.location.hash
      );
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  // With Material's instant navigation pages arrive without a reload; document$ tells.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
