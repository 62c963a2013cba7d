// The sandbox meeting page: shows the verified token (from the server), every query
// option, and whether this frame was granted camera and microphone. Text only: every
// value goes through textContent.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const verified = JSON.parse($("verified").textContent);
  $("room").textContent = verified.room;
  if (verified.valid) {
    $("token-status").textContent = "Signature, expiry and room checked.";
    $("token-status").className = "ok";
    $("role").textContent = verified.role;
    $("token-name").textContent = verified.name;
    $("token-exp").textContent = new Date(verified.exp * 1000).toISOString();
  } else {
    $("token-status").textContent = "Refused: " + verified.error;
    $("token-status").className = "bad";
    $("role").textContent = "none";
  }
  document.body.dataset.role = verified.valid ? verified.role : "none";

  // Hang up: like a real meeting, the frame goes to a "you left" page.
  $("hang-up").addEventListener("click", () => location.assign("/sandbox/left"));

  // A meeting app that redirects itself while it starts: once, within its first
  // second, to the same address without the parameter that asked for it.
  if (verified.startup_redirect) {
    $("starting").hidden = false;
    const next = new URL(location.href);
    next.searchParams.delete("sandbox_startup_redirect");
    setTimeout(() => location.replace(next.href), 300);
    return;
  }

  const rows = $("options");
  for (const [key, value] of new URLSearchParams(location.search)) {
    const tr = document.createElement("tr");
    const k = document.createElement("td");
    const v = document.createElement("td");
    k.textContent = key;
    v.textContent = key === "jwt" ? "(token, " + value.length + " characters)" : value;
    tr.dataset.key = key;
    v.dataset.value = key === "jwt" ? "" : value;
    tr.append(k, v);
    rows.append(tr);
  }

  const media = $("media");
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    media.textContent = "denied: this page cannot use media devices";
    media.dataset.state = "denied";
    return;
  }
  navigator.mediaDevices.getUserMedia({ audio: true, video: true }).then(
    (stream) => {
      const kinds = stream.getTracks().map((t) => t.kind).sort().join(" + ");
      media.textContent = "granted: " + kinds;
      media.className = "ok";
      media.dataset.state = "granted";
      $("preview").srcObject = stream;
    },
    (error) => {
      media.textContent = "denied: " + error.name;
      media.className = "bad";
      media.dataset.state = "denied";
    },
  );
})();
