/* PTPS form outbox: every report is saved on the phone first (IndexedDB), then sent.
 *
 * Each report carries a UUID made here; the server stores a submission id once, so a
 * retry, a double tap or the whole outbox sent again never creates a second report.
 * A photo of the C.Hasil waits in the outbox with its report (as a Blob) and is uploaded
 * once the report is stored; the server keeps a picture once, so sending it again adds
 * nothing. Plain JavaScript, no build step, no network libraries.
 */
(function () {
  "use strict";
  var form = document.getElementById("ptps-form");
  if (!form) { return; }
  var list = document.getElementById("outbox-list");
  var net = document.getElementById("net-status");
  var saved = document.getElementById("save-status");
  var msg = form.dataset;
  var DB_NAME = "kawal-ptps", STORE = "outbox";
  var syncing = false;

  function uuid4() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function openDb() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, { keyPath: "submission_id" }); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var out = work(t.objectStore(STORE));
        t.oncomplete = function () { resolve(out && out.result !== undefined ? out.result : out); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }

  function all() { return tx("readonly", function (s) { return s.getAll(); }); }
  function put(item) { return tx("readwrite", function (s) { s.put(item); }); }

  function toInt(v) { return v === "" ? "" : Number(v); }

  function payloadFromForm() {
    var p = { submission_id: form.elements.submission_id.value, election: Number(msg.election),
              tps: Number(form.elements.tps.value), votes: {}, checklist: {},
              submitted_at: new Date().toISOString(), note: form.elements.note.value };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "submission_id" || el.name === "tps" || el.name === "csrfmiddlewaretoken") { return; }
      if (el.name.indexOf("votes.") === 0) { p.votes[el.name.slice(6)] = toInt(el.value); }
      else if (el.name.indexOf("checklist.") === 0) {
        if (el.value === "") { return; }
        var kind = el.dataset.kind;
        p.checklist[el.name.slice(10)] = kind === "yesno" ? el.value === "ya" : kind === "number" ? Number(el.value) : el.value;
      } else if (el.hasAttribute("data-count")) { p[el.name] = toInt(el.value); }
    });
    return p;
  }

  function describePhoto(item) {
    if (!item.photoStatus) { return ""; }
    if (item.photoStatus === "sent") { return " · " + msg.msgPhotoSent; }
    if (item.photoStatus === "rejected") { return " · " + msg.msgPhotoRejected + " " + (item.photoError || ""); }
    return " · " + msg.msgPhotoPending;
  }

  function describe(item) {
    var r = item.result || {};
    if (item.status === "pending") { return msg.msgPending + describePhoto(item); }
    if (item.status === "rejected") {
      var errs = r.errors ? Object.keys(r.errors).map(function (k) { return k + ": " + r.errors[k]; }).join("; ") : "";
      return msg.msgRejected + (errs ? " (" + errs + ")" : "");
    }
    var text = (r.status === "duplicate" ? msg.msgDuplicate : msg.msgSent) + " · " + msg.msgVersion + " " + r.version;
    if (r.reasons && r.reasons.length) { text += " · " + msg.msgFlagged + " " + r.reasons.join(" "); }
    return text + describePhoto(item);
  }

  function render() {
    return all().then(function (items) {
      items.sort(function (a, b) { return a.savedAt < b.savedAt ? 1 : -1; });
      list.innerHTML = "";
      if (!items.length) { var li0 = document.createElement("li"); li0.textContent = list.dataset.empty; list.appendChild(li0); }
      items.forEach(function (item) {
        var li = document.createElement("li");
        var flagged = item.result && item.result.flags && item.result.flags.length;
        li.className = item.status + (flagged ? " flagged" : "");
        li.dataset.submission = item.submission_id;
        li.dataset.status = item.status;
        if (item.photoStatus) { li.dataset.photo = item.photoStatus; }
        li.textContent = item.label + " · " + describe(item);
        list.appendChild(li);
      });
    });
  }

  function showNet() {
    var online = navigator.onLine;
    net.textContent = online ? net.dataset.online : net.dataset.offline;
    net.classList.toggle("offline", !online);
  }

  function send(items) {
    if (!items.length) { return Promise.resolve(); }
    return fetch(msg.endpoint, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": msg.csrf },
      body: JSON.stringify({ reports: items.map(function (i) { return i.payload; }) })
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (body) {
      var byId = {};
      body.results.forEach(function (r) { byId[r.submission_id] = r; });
      return Promise.all(items.map(function (item) {
        var r = byId[item.submission_id];
        if (!r) { return null; }
        item.result = r;
        item.status = (r.status === "created" || r.status === "duplicate") ? "sent" : "rejected";
        return put(item);
      }));
    });
  }

  function sendPhoto(item) {
    var data = new FormData();
    data.append("photo", item.photo, item.photoName || "c-hasil.jpg");
    var url = msg.photoEndpoint.replace("/0/", "/" + item.result.report_id + "/");
    return fetch(url, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": msg.csrf }, body: data
    }).then(function (response) {
      if (response.status >= 500) { throw new Error("HTTP " + response.status); }  // try again later
      return response.json().then(function (body) {
        item.photoStatus = response.ok ? "sent" : "rejected";
        item.photoError = response.ok ? "" : (body.detail || String(response.status));
        item.photo = null;  // sent or refused for good: free the phone's storage
        return put(item);
      });
    });
  }

  function sendPhotos(everything) {
    return all().then(function (items) {
      var todo = items.filter(function (i) {
        return i.status === "sent" && i.photo && i.result && i.result.report_id &&
          (everything || i.photoStatus === "pending");
      });
      return todo.reduce(function (done, item) {  // one after another: phones have little bandwidth
        return done.then(function () { return sendPhoto(item); });
      }, Promise.resolve());
    });
  }

  function sync(everything) {
    if (syncing || !navigator.onLine) { return Promise.resolve(); }
    syncing = true;
    return all().then(function (items) {
      var todo = items.filter(function (i) { return everything || i.status === "pending"; });
      return send(todo);
    }).then(function () { return sendPhotos(everything); })
      .catch(function () { /* still offline or server busy: the items stay pending */ })
      .then(function () { syncing = false; return render(); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!form.reportValidity()) { return; }
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    var payload = payloadFromForm();
    var option = form.elements.tps.options[form.elements.tps.selectedIndex];
    var item = { submission_id: payload.submission_id, payload: payload, status: "pending",
                 label: option ? option.text : String(payload.tps), savedAt: new Date().toISOString() };
    var picture = form.elements.photo && form.elements.photo.files[0];
    if (picture) { item.photo = picture; item.photoName = picture.name; item.photoStatus = "pending"; }
    put(item).then(function () {
      form.reset();
      form.elements.submission_id.value = uuid4();  // the next report gets its own id
      saved.textContent = msg.msgSaved;
      return render();
    }).then(function () { button.disabled = false; return sync(false); });
  });

  document.getElementById("resend").addEventListener("click", function () { sync(true); });
  window.addEventListener("online", function () { showNet(); sync(false); });
  window.addEventListener("offline", showNet);
  setInterval(function () { sync(false); }, 15000);

  form.elements.submission_id.value = uuid4();
  showNet();
  render().then(function () { sync(false); });

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.cached) {
        form.dataset.offlineReady = "1";
        document.getElementById("offline-ready").hidden = false;
      }
    });
    navigator.serviceWorker.register(msg.sw, { scope: msg.sw.replace(/sw\.js$/, "") }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      var urls = [location.href];
      document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) { urls.push(el.href || el.src); });
      if (reg.active) { reg.active.postMessage({ cache: urls }); }
    }).catch(function () { /* no service worker (plain http): the outbox still works while the page is open */ });
  }
}());
