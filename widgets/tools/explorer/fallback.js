// A classic script, so it runs where the page's module cannot: opened from a disk (file://,
// where browsers refuse to load modules and WebAssembly), or in a browser too old for modules.
// There the page says it cannot run and points to the handouts, instead of "loading" for ever.
(function () {
  var fromDisk = window.location.protocol === "file:";
  var hasModules = "noModule" in document.createElement("script");
  if (!fromDisk && hasModules) return;
  var slot = document.getElementById("sms-card-slot");
  slot.removeAttribute("aria-busy");
  slot.innerHTML = document.getElementById("sms-failed").innerHTML;
  document.getElementById("sms-announce").textContent = slot.textContent;
  document.documentElement.setAttribute("data-explorer", "failed");
})();
