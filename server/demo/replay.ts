import { loadActor } from '../kernel/auth/actor.repository.ts';
import { minimalPdf } from '../kernel/files/minimal-pdf.ts';
import type { Actor } from '../kernel/auth/actor.ts';
import { users } from '../kernel/auth/auth.tables.ts';
import { calendarService } from '../kernel/calendar/calendar.service.ts';
import type { LocalDate } from '../kernel/calendar/local-date.ts';
import { FakeClock } from '../kernel/clock/clock.ts';
import type { Sm4Box } from '../kernel/crypto/sm.ts';
import type { Db, Tx } from '../kernel/db/db.ts';
import { storeFile } from '../kernel/files/files.ts';
import { organisations } from '../kernel/org/org.tables.ts';
import { calendarDeadlines } from '../kernel/workflow/deadlines.ts';
import type { CaseRow } from '../kernel/workflow/define-workflow.ts';
import { transition, type WorkflowDeps } from '../kernel/workflow/transition.ts';
import { idNumberCheckChar } from '../kernel/validation/id-number.ts';
import { creditCodeCheckChar, orgCodeCheckChar } from '../kernel/validation/credit-code.ts';
import { DEMO_REGION } from './yueyang.ts';

/**
 * Demo cases are played through the real workflows on a fake clock set to each step's day, so their
 * history, clocks, audit rows and figures are exactly what the steps would have produced.
 */
export interface Replay {
  db: Db;
  sm4: Sm4Box;
  clock: FakeClock;
  deps: WorkflowDeps;
  org(code: string): { id: string; name: string };
  actor(username: string): Actor;
  /** `n` working days after `day` in the demo county (n = 0: the day itself, or the next working day). */
  workday(day: LocalDate, n?: number): Promise<LocalDate>;
  at(day: LocalDate, hour?: number): void;
  /** Stores a stand-in PDF of the named document; returns its file id. */
  attach(tx: Tx, document: string, who: Actor): Promise<string>;
  step(c: CaseRow, action: string, who: Actor, step?: { reason?: string; data?: unknown; document?: string }): Promise<CaseRow>;
}

export async function startReplay(db: Db, sm4: Sm4Box): Promise<Replay> {
  const clock = new FakeClock();
  const deps = { clock, deadlines: calendarDeadlines(db) };
  const orgRows = await db.select({ id: organisations.id, code: organisations.code, name: organisations.name }).from(organisations);
  const orgs = new Map(orgRows.map((o) => [o.code, o]));
  const userRows = await db.select({ id: users.id, username: users.username }).from(users);
  const actors = new Map<string, Actor>();
  for (const u of userRows) {
    const actor = await loadActor(db, u.id);
    if (actor) actors.set(u.username, actor);
  }
  const calendar = calendarService(db);
  const attach = async (tx: Tx, document: string, who: Actor) => {
    const file = await storeFile(tx, { regionCode: DEMO_REGION, name: `${document}.pdf`, content: demoPdf(`${document} ${crypto.randomUUID()}`), uploadedBy: who.userId, now: clock.now() });
    return file.id;
  };
  return {
    db,
    sm4,
    clock,
    deps,
    org(code) {
      const org = orgs.get(code);
      if (!org) throw new Error(`demo organisation ${code} is missing`);
      return org;
    },
    actor(username) {
      const actor = actors.get(username);
      if (!actor) throw new Error(`demo account ${username} is missing`);
      return actor;
    },
    async workday(day, n = 0) {
      if (n > 0) return (await calendar.due(DEMO_REGION, day, { unit: 'workingDays', n })).due;
      // The day itself when it is a working day: one working day after the day before.
      const before = new Date(`${day}T00:00:00Z`);
      before.setUTCDate(before.getUTCDate() - 1);
      return (await calendar.due(DEMO_REGION, before.toISOString().slice(0, 10), { unit: 'workingDays', n: 1 })).due;
    },
    at(day, hour = 10) {
      clock.set(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    },
    attach,
    step(c, action, who, s = {}) {
      return db.transaction(async (tx) => {
        const fileIds = s.document ? [await attach(tx, s.document, who)] : [];
        return transition(tx, deps, { caseId: c.id, version: c.version }, action, { actor: who, meta: { ip: '127.0.0.1', userAgent: 'fazhi seed-demo' } }, { reason: s.reason, data: s.data, fileIds });
      });
    },
  };
}

/** A one-page PDF whose document title is `title` (UTF-16 in the info dictionary): what a scanned 决定书 stands in for. */
export function demoPdf(title: string): Buffer {
  const utf16 = Buffer.from(`\uFEFF${title}`, 'utf16le').swap16().toString('hex').toUpperCase();
  const objects = [
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n',
    '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n',
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n',
    `4 0 obj <</Title <${utf16}> /Producer (Fazhi demo)>> endobj\n`,
  ];
  return minimalPdf(objects, ' /Info 4 0 R');
}

/** A valid 居民身份证号码 of the demo county: born on `birth` (YYYYMMDD), `seq` the 3-digit order code. */
export function demoIdNumber(birth: string, seq: number): string {
  const first17 = `${DEMO_REGION}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid 统一社会信用代码 of a company registered in the demo county. */
export function demoCreditCode(seq: number): string {
  const body8 = String(30000000 + seq * 7919).slice(-8);
  const first17 = `91${DEMO_REGION}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + creditCodeCheckChar(first17);
}
