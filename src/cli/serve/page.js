// citystar serve: the page's behaviour. No framework, no network beyond this server.
"use strict";
(function () {
  var body = document.body;
  var lang = body.dataset.lang === "zh-CN" ? "zh" : "en";
  var token = new URLSearchParams(location.search).get("token");
  function url(path, params) {
    var q = new URLSearchParams(params);
    q.set("lang", lang);
    if (token) q.set("token", token);
    return path + "?" + q.toString();
  }
  // The language switch keeps the token.
  var sw = document.getElementById("switch");
  sw.href = "?" + new URLSearchParams(token ? { lang: sw.getAttribute("href").slice(6), token: token } : { lang: sw.getAttribute("href").slice(6) }).toString();
  document.getElementById("template").addEventListener("submit", function (e) {
    e.preventDefault();
    var a = document.createElement("a");
    a.href = url("api/template", { level: document.getElementById("level").value });
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function stem(name) { return name.replace(/\.[^.]*$/, "") || "report"; }
  function link(text, onclick) {
    var a = document.createElement("a");
    a.href = "#";
    a.textContent = text;
    a.addEventListener("click", function (e) { e.preventDefault(); onclick(); });
    return a;
  }
  function assess(file) {
    var li = document.createElement("li");
    li.className = "result";
    li.dataset.file = file.name;
    var head = document.createElement("div");
    head.textContent = file.name + " — " + body.dataset.working;
    li.appendChild(head);
    document.getElementById("results").appendChild(li);
    var bench = document.getElementById("benchmark").value;
    var params = { name: file.name, benchmark: bench };
    return fetch(url("api/assess", params), { method: "POST", body: file })
      .then(function (r) {
        var kind = r.headers.get("content-type") || "";
        return (kind.indexOf("json") >= 0 ? r.json() : r.text().then(function (t) { return { message: t }; }))
          .then(function (v) { return { ok: r.ok, v: v }; });
      })
      .then(function (res) {
        var v = res.v;
        if (!res.ok) {
          li.dataset.state = "error";
          head.className = "error";
          head.textContent = body.dataset.failed + ": " + (v.message || "").trim();
          return;
        }
        li.dataset.state = "done";
        li.dataset.stars = v.stars;
        li.dataset.score = v.score;
        head.className = "summary";
        head.textContent = "";
        head.appendChild(document.createTextNode(v.name + " (" + file.name + ") — " + body.dataset.stars + " "));
        var s = document.createElement("span");
        s.className = "stars";
        s.textContent = v.stars_label;
        head.appendChild(s);
        head.appendChild(document.createTextNode(" · " + body.dataset.total + " " + v.score.toFixed(2)));
        var actions = document.createElement("div");
        actions.className = "actions";
        actions.appendChild(link(body.dataset.html, function () {
          save(new Blob([v.html], { type: "text/html" }), stem(file.name) + ".html");
        }));
        actions.appendChild(link(body.dataset.xlsx, function () {
          params.format = "xlsx";
          fetch(url("api/assess", params), { method: "POST", body: file })
            .then(function (r) { return r.blob(); })
            .then(function (b) { save(b, stem(file.name) + ".xlsx"); });
        }));
        li.appendChild(actions);
        var frame = document.createElement("iframe");
        frame.setAttribute("sandbox", "");
        frame.title = v.name;
        frame.srcdoc = v.html;
        li.appendChild(frame);
      })
      .catch(function (e) {
        li.dataset.state = "error";
        head.className = "error";
        head.textContent = body.dataset.failed + ": " + e;
      });
  }
  function all(files) {
    // One after another: the server bounds concurrent assessments anyway.
    var list = Array.prototype.slice.call(files);
    list.reduce(function (p, f) { return p.then(function () { return assess(f); }); }, Promise.resolve());
  }
  var input = document.getElementById("files");
  input.addEventListener("change", function () { all(input.files); input.value = ""; });
  var drop = document.getElementById("drop");
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) { e.preventDefault(); drop.classList.remove("over"); all(e.dataTransfer.files); });
  body.dataset.ready = "1";
})();
