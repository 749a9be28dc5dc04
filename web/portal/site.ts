/**
 * What the portal says about its county. A later issue serves this from a public API (the county's
 * name, the sponsoring office); until then only the default title is known.
 */
export interface SiteInfo {
  title: string;
  sponsor?: string;
  /** The county the portal serves (GB/T 2260). */
  regionCode: string;
}

export const DEFAULT_SITE: SiteInfo = { title: '岳阳县法治政府建设公开平台', regionCode: '430621' };
