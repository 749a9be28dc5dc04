import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { ensureNationalCalendar } from '../../kernel/calendar/calendar.seed.ts';
import { publicComments, publicConsultations, type AdoptionState, type ModerationState } from '../../kernel/consultation/consultation.tables.ts';
import { createOrg, createRole, createUser, signIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { LEGALITY_REVIEW } from '../legality/legality.ts';
import { CATALOGUE, DECIDE, HANDLE, READ, SETTINGS, SUSPEND } from './decisions.permissions.ts';

/** HTTP helpers for the decisions tests: a county with its government, a department, and their staff. */

export interface Who {
  userId: string;
}

export interface County {
  government: string;
  department: string;
  other: string;
  handler: Who;
  office: Who;
  reviewer: Who;
  head: Who;
  outsider: Who;
  /** Keeps the meetings register by hand. */
  clerk: Who;
}

async function user(t: TestApp, orgId: string, permissions: Record<string, 'own_org' | 'region'>): Promise<Who> {
  const role = await createRole(t.db, { permissions });
  return { userId: (await createUser(t.db, { orgId, roleIds: [role.id] })).id };
}

export async function setUpCounty(t: TestApp): Promise<County> {
  await ensureNationalCalendar(t.db);
  const gov = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const dept = await createOrg(t.db, { name: '岳阳县发展和改革局', parentId: gov.id });
  const other = await createOrg(t.db, { name: '岳阳县教育局', parentId: gov.id });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: gov.id });
  return {
    government: gov.id,
    department: dept.id,
    other: other.id,
    handler: await user(t, dept.id, { [READ]: 'own_org', [HANDLE]: 'own_org' }),
    office: await user(t, justice.id, { [READ]: 'region', [CATALOGUE]: 'region', [DECIDE]: 'region', [SETTINGS]: 'region', 'meetings.read': 'region' }),
    reviewer: await user(t, justice.id, { [READ]: 'region', [LEGALITY_REVIEW]: 'region' }),
    head: await user(t, gov.id, { [READ]: 'region', [SUSPEND]: 'region' }),
    outsider: await user(t, other.id, { [READ]: 'own_org', [HANDLE]: 'own_org' }),
    clerk: await user(t, justice.id, { 'meetings.read': 'region', 'meetings.manage': 'region' }),
  };
}

export const on = (t: TestApp, day: string) => t.clock.set(`${day}T10:00:00+08:00`);

export const call = async (t: TestApp, who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: who ? (await signIn(t, who.userId)).headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

export async function ok(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, any>;
}

export async function upload(t: TestApp, who: Who, name: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...(await signIn(t, who.userId)).headers, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    payload: Buffer.from(`${name} ${crypto.randomUUID()}`, 'utf8'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A catalogue for the government's year with one item per title, approved (and published unless told). */
export async function catalogue(t: TestApp, c: County, year: number, titles: { title: string; exemptions?: Record<string, string> }[], publish = true) {
  let cat = await ok(await call(t, c.office, 'POST', '/api/decisions/catalogues', { orgId: c.government, year }), 201);
  for (const item of titles) {
    cat = await ok(
      await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/items`, { version: cat.version, title: item.title, category: 'publicPolicy', hostOrgId: c.department, plannedTime: `${year}年第三季度`, exemptions: item.exemptions }),
    );
  }
  cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/approve`, { version: cat.version, partyConsentOn: `${year}-01-20`, partyConsentRef: '县委常委会会议纪要〔' + year + '〕2号' }));
  if (publish) cat = await ok(await call(t, c.office, 'POST', `/api/decisions/catalogues/${cat.id}/publish`, { version: cat.version }));
  return cat;
}

export async function register(t: TestApp, c: County, catalogueItemId: string) {
  return ok(await call(t, c.handler, 'POST', '/api/decisions', { catalogueItemId, summary: '为规范全县招标投标活动，拟出台本方案。' }), 201);
}

/** A step through the generic case API, with the version the case shows now. */
export async function step(t: TestApp, who: Who, caseId: string, action: string, data?: unknown, extra: { fileIds?: string[]; reason?: string } = {}) {
  const { version } = (await call(t, who, 'GET', `/api/cases/${caseId}`)).json();
  return call(t, who, 'POST', `/api/cases/${caseId}/actions/${action}`, { version, data, fileIds: extra.fileIds ?? [], reason: extra.reason });
}

export async function refused(res: { statusCode: number; body: string; json(): unknown }, status: number, text: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect((res.json() as { message: string }).message).toContain(text);
}

/** A comment as the moderation helper leaves it: approved (or pending), with its adoption mark. */
export async function comment(t: TestApp, caseId: string, content: string, moderation: ModerationState, adoption: AdoptionState | null = null, adoptionNote: string | null = null) {
  const [round] = await t.db.select().from(publicConsultations).where(eq(publicConsultations.entityId, caseId));
  const [row] = await t.db
    .insert(publicComments)
    .values({ regionCode: round!.regionCode, consultationId: round!.id, authorName: '市民' + content.slice(0, 2), content, submittedAt: new Date(), moderation, adoption, adoptionNote })
    .returning();
  return row!;
}
