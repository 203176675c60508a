// The API reference at /api/docs: Scalar renders the OpenAPI document the page names, without fonts from elsewhere.
(function () {
  var app = document.getElementById('app');
  window.Scalar.createApiReference('#app', {
    url: app.getAttribute('data-document'),
    withDefaultFonts: false
  });
})();
