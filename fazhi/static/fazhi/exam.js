// The exam page: each choice is saved at once through the API (one answer, upserted), so a
// dropped connection loses nothing already chosen; the form's 保存/交卷 buttons work without it.
(function () {
  "use strict";
  var form = document.querySelector("form.exam-paper");
  if (!form) return;
  var sitting = form.dataset.sitting;
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  form.addEventListener("change", function (event) {
    var input = event.target;
    var q = input.dataset.question;
    if (!q) return;
    var chosen = Array.prototype.map.call(
      form.querySelectorAll('input[name="q' + q + '"]:checked'),
      function (el) { return el.value; }
    ).join("");
    var fieldset = input.closest("fieldset");
    fetch("/api/v1/education/sittings/" + sitting + "/answers/" + q, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ response: chosen }),
    }).then(function (r) {
      fieldset.classList.toggle("exam-unsaved", !r.ok);
      fieldset.classList.toggle("exam-saved", r.ok);
    }).catch(function () {
      fieldset.classList.add("exam-unsaved");
    });
  });
})();
