/**
 * A dynamic segment of the address as the user meant it. Pages receive it
 * still percent-encoded and route handlers sometimes already decoded, so a
 * code holding "%" (typed by hand, or hostile) must not throw: a segment that
 * is not valid percent-encoding is taken as it is.
 */
export function routeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
