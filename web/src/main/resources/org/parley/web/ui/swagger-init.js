// Swagger UI on Parley's hand-written OpenAPI document. Kept out of the HTML so the
// Content-Security-Policy needs no inline scripts.
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
