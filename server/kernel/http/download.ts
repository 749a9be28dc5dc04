/**
 * content-disposition for a download (RFC 6266): `filename` an ASCII fallback for old clients,
 * `filename*` the real name, Chinese included, in UTF-8 (RFC 8187). Names often come from user titles,
 * so both parts are escaped rather than trusted.
 */
export function attachment(name: string, asciiName: string = name): string {
  const fallback = asciiName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}

/** encodeURIComponent leaves ' ( ) * unescaped, which RFC 8187's attr-char does not allow. */
const encodeRfc8187 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
