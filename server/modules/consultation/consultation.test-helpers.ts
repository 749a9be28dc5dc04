import { expect } from 'vitest';
import { openConsultation, type NewConsultation } from '../../kernel/consultation/consultation.ts';
import { storeFile } from '../../kernel/files/files.ts';
import { pdf } from '../../kernel/files/files.test-helpers.ts';
import { createOrg, createRole, createUser, signIn, type SignedIn } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { MODERATE, PERSONAL } from './consultation.permissions.ts';

/**
 * A county whose 市场监管局 and 公安局 each draft rules for comment, their clerks (moderating their own
 * organisation's rounds), a 司法局 coordinator (the whole county, contacts in clear) and a clerk of
 * another county. Rounds are opened as the owning modules do, with openConsultation.
 */
export interface County {
  orgs: { government: string; market: string; police: string; elsewhere: string };
  marketClerk: SignedIn;
  policeClerk: SignedIn;
  coordinator: SignedIn;
  /** Signed in, without consultation.moderate. */
  outsider: SignedIn;
  elsewhereClerk: SignedIn;
  /** A PDF offered with the market's draft, and one that belongs to no round. */
  files: { draft: string; unrelated: string };
}

export async function setUpCounty(t: TestApp): Promise<County> {
  const government = await createOrg(t.db, { name: '岳阳县人民政府', type: 'government' });
  const market = await createOrg(t.db, { name: '岳阳县市场监督管理局', parentId: government.id });
  const police = await createOrg(t.db, { name: '岳阳县公安局', parentId: government.id });
  const justice = await createOrg(t.db, { name: '岳阳县司法局', parentId: government.id });
  const elsewhere = await createOrg(t.db, { name: '临湘市市场监督管理局', regionCode: '430682' });
  const clerkRole = await createRole(t.db, { permissions: { [MODERATE]: 'own_org' } });
  const coordinatorRole = await createRole(t.db, { permissions: { [MODERATE]: 'region', [PERSONAL]: 'region' } });
  const user = async (orgId: string, roleIds: string[], regionCode?: string) => signIn(t, (await createUser(t.db, { orgId, roleIds, regionCode })).id);
  const at = t.clock.now();
  const draft = await storeFile(t.db, { regionCode: '430621', name: '征求意见稿.pdf', content: pdf(), uploadedBy: null, now: at });
  const unrelated = await storeFile(t.db, { regionCode: '430621', name: '内部材料.pdf', content: Buffer.concat([pdf(), Buffer.from('%unrelated')]), uploadedBy: null, now: at });
  return {
    orgs: { government: government.id, market: market.id, police: police.id, elsewhere: elsewhere.id },
    marketClerk: await user(market.id, [clerkRole.id]),
    policeClerk: await user(police.id, [clerkRole.id]),
    coordinator: await user(justice.id, [coordinatorRole.id]),
    outsider: await user(justice.id, []),
    elsewhereClerk: await user(elsewhere.id, [clerkRole.id], '430682'),
    files: { draft: draft.id, unrelated: unrelated.id },
  };
}

export const on = (t: TestApp, day: string) => t.clock.set(`${day}T12:00:00+08:00`);

/** Opens a round as a drafting module would, in its own transaction. */
export async function open(t: TestApp, input: Partial<NewConsultation> & { orgId: string }) {
  return t.db.transaction((tx) =>
    openConsultation(
      tx,
      {
        regionCode: '430621',
        entityType: 'test_draft',
        entityId: crypto.randomUUID(),
        title: '岳阳县农贸市场管理办法（征求意见稿）',
        explanation: '为规范农贸市场经营秩序，起草了本办法。',
        draftText: '第一条 为了规范农贸市场管理，制定本办法。',
        opensOn: '2026-03-02',
        closesOn: '2026-04-01',
        ...input,
      },
      t.clock.now(),
      null,
    ),
  );
}

let sender = 0;

/** A citizen's comment, from a new address unless one is given (the throttle counts per address). */
export async function comment(t: TestApp, consultationId: string, body: Record<string, unknown> = {}, remoteAddress = `198.51.100.${(sender = (sender % 250) + 1)}`) {
  // A second apart: comments are listed in the order received.
  t.clock.advance(1000);
  return t.app.inject({
    method: 'POST',
    url: `/api/public/consultations/${consultationId}/comments`,
    payload: { authorName: '李明', content: '建议明确摊位费的收费标准。', ...body },
    remoteAddress,
  });
}

export async function commented(t: TestApp, consultationId: string, body: Record<string, unknown> = {}, remoteAddress?: string) {
  const res = await comment(t, consultationId, body, remoteAddress);
  expect(res.statusCode, res.body).toBe(201);
}
