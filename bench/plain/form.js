// The same first step as the widget in plain HTML and JavaScript: the floor
// a victim would otherwise get. Used only by `cargo xtask bench`.
document.getElementById("form").addEventListener("submit", function (event) {
  event.preventDefault();
  var digits = document.getElementById("imei").value.replace(/[\s.\/-]/g, "");
  var ok = /^\d{15}$/.test(digits) && luhn(digits);
  var error = document.getElementById("error");
  error.hidden = ok;
  error.textContent = ok ? "" : "Enter a 15-digit IMEI number";
  error.className = "error-message error-summary";
});
function luhn(d) {
  var sum = 0;
  for (var i = 0; i < 15; i++) {
    var n = +d[i];
    if (i % 2 === 1) { n *= 2; if (n > 9) n -= 9; }
    sum += n;
  }
  return sum % 10 === 0;
}
