// Installed before any other script: collects every error the page raises, so that the page can
// report in #render-status whether it rendered cleanly (read by scripts/check-reports.sh).
(function () {
  'use strict';
  var errors = [];
  window.__reportErrors = errors;
  window.addEventListener('error', function (e) {
    var where = e.filename ? ' (' + e.filename.split('/').pop() + ':' + e.lineno + ')' : '';
    errors.push('error: ' + (e.message || 'resource failed to load') + where);
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  var originalError = console.error;
  console.error = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
      var a = arguments[i];
      parts.push(a && a.message ? a.message : String(a));
    }
    errors.push('console.error: ' + parts.join(' '));
    return originalError.apply(console, arguments);
  };
})();
