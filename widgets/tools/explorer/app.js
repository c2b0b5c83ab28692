// The explorer page: reads the form, asks the series' own Python (in Pyodide) for the card,
// and shows it. This file holds no advice and no words for the reader: every sentence comes
// from the page (written by the build from the engine's vocabulary) or from the Python.
// Nothing is fetched from outside this folder, and nothing the reader types is sent anywhere.

const root = document.documentElement;
const form = document.getElementById("sms-answers");
const slot = document.getElementById("sms-card-slot");
const announce = document.getElementById("sms-announce");
const bar = document.getElementById("sms-level-bar");
const barText = document.getElementById("sms-level-bar-text");
const saveButton = document.getElementById("sms-save");
const saveStatus = document.getElementById("sms-save-status");
const texts = JSON.parse(document.getElementById("sms-texts").textContent);
const fields = JSON.parse(form.dataset.fields);

// The Python side (a PyProxy of in_page.Page); each call returns a plain string.
let page = null;
let lastRenderMs = null;

function setState(state) {
  root.dataset.explorer = state;
}

function showNote(html) {
  slot.innerHTML = html;
}

// The answers as a JSON object of Profile fields, named as the engine names them.
function answers() {
  const found = {};
  for (const [name, kind] of fields) {
    if (kind === "choice") {
      const chosen = form.querySelector(`[name="${name}"]:checked`) || form.elements[name];
      found[name] = chosen.value;
    } else if (kind === "set") {
      found[name] = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
    } else if (kind === "number") {
      found[name] = Number(form.elements[name].value);
    } else if (kind === "flag") {
      found[name] = form.elements[name].checked;
    }
  }
  return found;
}

function showReadouts() {
  for (const output of form.querySelectorAll("output[data-for]")) {
    output.textContent = form.elements[output.dataset.for].value;
  }
}

// The short level line: the card's own label and icon, repeated where a phone reader can see
// it while the card is far down the page.
function showLevel() {
  const card = slot.querySelector(".sms-card");
  if (!card) {
    bar.hidden = true;
    announce.textContent = slot.textContent.trim();
    return;
  }
  const label = card.querySelector(".sms-card-label").textContent.trim();
  const headline = card.querySelector(".sms-card-headline").textContent.trim();
  bar.dataset.level = card.dataset.level;
  // The icon as well as the words and the colour; a screen reader hears only the words.
  barText.textContent = card.querySelector(".sms-card-level").textContent.trim();
  bar.hidden = false;
  announce.textContent = `${label}. ${headline}`;
}

function refresh() {
  showReadouts();
  if (!page) return;
  const started = performance.now();
  const given = answers();
  if (given.areas.length === 0) {
    showNote(document.getElementById("sms-no-area").innerHTML);
  } else {
    showNote(page.card_for(JSON.stringify(given)));
  }
  lastRenderMs = performance.now() - started;
  showLevel();
  // Milliseconds from the start of the page load to its first card (the benchmark reads it).
  if (!root.dataset.firstCardMs) root.dataset.firstCardMs = String(Math.round(performance.now()));
  root.dataset.renders = String(Number(root.dataset.renders || 0) + 1);
}

function savePlan() {
  if (!page) return;
  const given = answers();
  if (given.areas.length === 0) {
    saveStatus.textContent = document.getElementById("sms-no-area").textContent.trim();
    return;
  }
  given.name = document.getElementById("sms-name").value;
  given.notes = document.getElementById("sms-notes").value;
  const made = JSON.parse(page.handout_for(JSON.stringify(given)));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([made.html], { type: "text/html;charset=utf-8" }));
  link.download = made.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  saveStatus.textContent = texts.saved.replace("{filename}", made.filename);
}

function failed(error) {
  setState("failed");
  slot.removeAttribute("aria-busy");
  showNote(document.getElementById("sms-failed").innerHTML);
  announce.textContent = slot.textContent.trim();
  bar.hidden = true;
  saveButton.disabled = true;
  console.error("The explorer could not start:", error);
}

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  const here = new URL(".", window.location.href);
  const bundle = fetch(new URL("explorer.zip", here)).then((response) => {
    if (!response.ok) throw new Error(`explorer.zip: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const { loadPyodide } = await import("./pyodide/pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: new URL("pyodide/", here).href });
  // How long the runtime and then the series' Python took to start (the benchmark reads it).
  const runtimeReady = performance.now();
  root.dataset.runtimeMs = String(Math.round(runtimeReady));
  // The bundle (the series' modules, Jinja2 and MarkupSafe) goes where Python keeps installed
  // packages, site-packages, as Pyodide's own loadPackage installs a wheel: that folder is on
  // sys.path from the start, so nothing edits sys.path (issue 15). The working folder
  // (/home/pyodide, "" on sys.path) would work too, but only while nothing changes folder.
  // The import system keeps each folder's listing, so it is told that this one changed.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  pyodide.unpackArchive(await bundle, "zip", { extractDir: sitePackages });
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  const module = pyodide.pyimport("sms_explorer_page");
  page = module.Page.from_json(document.getElementById("sms-clinic").textContent);
  module.destroy();
  root.dataset.importMs = String(Math.round(performance.now() - runtimeReady));
  slot.removeAttribute("aria-busy");
  saveButton.disabled = false;
  setState("ready");
  refresh();
}

// For the tests and the benchmark: the same Python the form uses, for many answers at once.
window.smsExplorer = {
  cardsFor: (answersList) => JSON.parse(page.cards_for(JSON.stringify(answersList))),
  handoutFor: (given) => JSON.parse(page.handout_for(JSON.stringify(given))),
  answers,
  lastRenderMs: () => lastRenderMs,
};

// "input" fires for every kind of control here (boxes, choices, sliders), once per change.
form.addEventListener("input", refresh);
form.addEventListener("submit", (event) => event.preventDefault());
saveButton.addEventListener("click", savePlan);
// Pyodide does not reject its promise when the runtime cannot be downloaded: the failure
// surfaces only as an unhandled rejection. Any error while loading means it will not start.
const whileLoading = (event) => {
  if (root.dataset.explorer === "loading") failed(event.reason || event.error || event.message);
};
window.addEventListener("unhandledrejection", whileLoading);
window.addEventListener("error", whileLoading);
// A load that neither finishes nor fails (a stalled connection) is a failure too, for now:
// if it does finish later, the card replaces the message.
const LOAD_LIMIT_MS = 90000;
setTimeout(() => whileLoading({ message: `not ready after ${LOAD_LIMIT_MS} ms` }), LOAD_LIMIT_MS);

showReadouts();
setState("loading");
start().catch(failed);
