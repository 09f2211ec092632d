// Vendepunkt: small progressive enhancements (no inline scripts; CSP script-src 'self').
document.addEventListener('htmx:xhr:progress', function (evt) {
  var form = evt.target.closest ? evt.target.closest('form') : null;
  var bar = form ? form.querySelector('progress.upload-progress') : null;
  if (bar && evt.detail.lengthComputable) {
    bar.hidden = false;
    bar.value = Math.round(evt.detail.loaded / evt.detail.total * 100);
  }
});
document.addEventListener('htmx:beforeRequest', function (evt) {
  var btn = evt.target.querySelector ? evt.target.querySelector('button[type=submit]') : null;
  if (btn) { btn.disabled = true; btn.setAttribute('aria-busy', 'true'); }
});
document.addEventListener('htmx:afterRequest', function (evt) {
  var btn = evt.target.querySelector ? evt.target.querySelector('button[type=submit]') : null;
  if (btn) { btn.disabled = false; btn.removeAttribute('aria-busy'); }
});
// Confirmation before destructive actions: <form data-confirm="text">
document.addEventListener('submit', function (evt) {
  var msg = evt.target.getAttribute && evt.target.getAttribute('data-confirm');
  if (msg && !window.confirm(msg)) { evt.preventDefault(); }
}, true);
// htmx sends the CSRF token from the meta tags
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name=_csrf]');
  var header = document.querySelector('meta[name=_csrf_header]');
  if (token && header) { evt.detail.headers[header.content] = token.content; }
});
