/**
 * A file for the visitor to save (a spreadsheet, a JSON document): the answer every download
 * route gives, so each names its file and type the same way. A file name is plain ASCII here, so
 * `filename="…"` needs no RFC 6266 `filename*` encoding.
 */

/** The response for a downloaded file, with any further headers (caching, links). */
export function downloadResponse(body: string, file: { contentType: string; filename: string }, headers: Record<string, string> = {}): Response {
  if (!/^[\w.-]+$/.test(file.filename)) throw new Error(`Bestandsnaam met tekens die niet in een header passen: ${file.filename}`);
  return new Response(body, {
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, ...headers },
  });
}

/** A short Dutch "not here" for a download address that has no file. */
export function noDownload(text: string): Response {
  return new Response(text, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
