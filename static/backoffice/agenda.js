// Agenda builder: drag and drop of items by their handle. The move up/down
// buttons do the same without JavaScript or a mouse.
(function () {
  "use strict";

  function init() {
    var box = document.getElementById("agenda-items");
    var orderForm = document.getElementById("agenda-order");
    var status = document.getElementById("agenda-status");
    if (!box || !orderForm) return;
    var dragged = null;

    function sortable() {
      return box.querySelector("tbody[data-sortable='true']");
    }

    function announce(text) {
      status.textContent = "";
      // A fresh text node makes screen readers read it again.
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function refocus(id) {
      var target = id && document.getElementById(id);
      if (target && target.disabled) {
        // Moved to the top or the bottom: the other move button of the row.
        var other = id.indexOf("up-") === 0 ? "down-" + id.slice(3) : "up-" + id.slice(5);
        target = document.getElementById(other);
      }
      (target || status).focus();
    }

    function send(url, data, focusId) {
      fetch(url, {
        method: "POST",
        body: data,
        headers: { "HX-Request": "true" },
        credentials: "same-origin"
      }).then(function (response) {
        return response.text().then(function (html) {
          box.innerHTML = html;
          var said = box.querySelector("[data-announce]");
          announce(said ? said.textContent : (response.ok ? orderForm.dataset.saved : orderForm.dataset.failed));
          if (focusId) refocus(focusId);
        });
      }).catch(function () {
        announce(orderForm.dataset.failed);
      });
    }

    function save() {
      var rows = sortable().querySelectorAll("tr[data-item]");
      var ids = Array.prototype.map.call(rows, function (row) { return row.dataset.item; });
      orderForm.elements.order.value = ids.join(",");
      send(orderForm.action, new FormData(orderForm), "");
    }

    // Move and public/not public buttons: swap the table in place and keep
    // the keyboard focus on the same button, which has moved with its row.
    box.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-swap]");
      if (!form || !window.fetch) return;
      event.preventDefault();
      var submitter = event.submitter;
      var data = new FormData(form);
      if (submitter && submitter.name) data.append(submitter.name, submitter.value);
      var focusId = submitter ? submitter.id : "";
      send(form.action, data, focusId);
    });

    box.addEventListener("mousedown", function (event) {
      var handle = event.target.closest(".drag-handle");
      if (handle && sortable()) handle.closest("tr").draggable = true;
    });

    box.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("tr[data-item]");
      if (!dragged) return;
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.item);
    });

    box.addEventListener("dragover", function (event) {
      var row = event.target.closest("tr[data-item]");
      if (!dragged || !row || row === dragged) return;
      event.preventDefault();
      var box_ = row.getBoundingClientRect();
      var after = event.clientY > box_.top + box_.height / 2;
      row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
    });

    box.addEventListener("drop", function (event) {
      if (dragged) event.preventDefault();
    });

    box.addEventListener("dragend", function () {
      if (!dragged) return;
      dragged.classList.remove("dragging");
      dragged.draggable = false;
      dragged = null;
      save();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
