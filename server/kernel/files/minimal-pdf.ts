/**
 * A PDF file from its numbered objects ("1 0 obj … endobj", object 1 the catalog): header, the
 * objects, the cross-reference table and the trailer. For the demo's documents and for tests.
 */
export function minimalPdf(objects: string[], trailer = ''): Buffer {
  let body = '%PDF-1.7\n';
  const offsets = objects.map((o) => {
    const at = body.length;
    body += o;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer <</Size ${objects.length + 1} /Root 1 0 R${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
