// Caps on a renderer's error report (app.reportError): the renderer cuts its text to these, main refuses
// anything longer. Its own module (no zod) so the renderer imports it without the schemas.
export const ERROR_REPORT_LIMITS = { message: 2000, stack: 8000 } as const;
