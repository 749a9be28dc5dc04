import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { beijingTime } from '../../../kernel/clock/clock.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { transition } from '../../../kernel/workflow/transition.ts';
import type { Throttle } from '../../../kernel/http/throttle.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { outcomeLabels, type Outcome } from '../reconsideration.labels.ts';
import { findPublicHistory, findTracked, type TrackedRow } from '../portal.repository.ts';
import type { IdTrackQuery as TrackQuery, PortalCorrectionBody as CorrectionBody } from '../../../kernel/http/schemas.ts';
import type { TrackView } from '../reconsideration.schemas.ts';
import { reconsiderationWorkflow } from '../reconsideration.workflow.ts';
import { trackingSecret } from './register-application.ts';

/** One message whether the code or the verification is wrong: neither reveals that a case exists. */
const NOT_FOUND_MESSAGE = '未找到该申请，请核对查询码和证件号码后六位';

/**
 * The steps the applicant is told of, in the words of a notice to the applicant. Internal steps
 * (the respondent's answer arriving) are left out; so are staff names and reasons.
 */
const publicSteps: Record<string, string> = {
  open: '行政复议机构收到申请',
  requestCorrection: '通知补正申请材料',
  submitCorrection: '提交补正材料',
  correctionLapsed: '逾期未补正，视为放弃行政复议申请',
  accept: '受理',
  reject: '决定不予受理',
  withdraw: '撤回行政复议申请',
  sendCopy: '向被申请人发送申请书副本',
  noticeHearing: '通知听证',
  recordHearing: '举行听证',
  extend: '延长审理期限',
  convertToOrdinary: '转为普通程序审理',
  suspend: '中止审理',
  resume: '恢复审理',
  terminate: '终止行政复议',
  mediate: '制作行政复议调解书',
  decide: '作出行政复议决定',
};

/** The clock of the step the applicant waits for in each open state (none while 中止). */
const waitingSteps: Record<string, { clock: string; step: string }> = {
  received: { clock: 'review', step: '受理审查' },
  correcting: { clock: 'correction', step: '提交补正材料（逾期视为放弃申请）' },
  accepted: { clock: 'decision', step: '作出行政复议决定' },
};

const sameDigest = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The case behind a tracking code and verification, or the one 404; failures count against the address. */
async function locate(request: FastifyRequest, lookups: Throttle, code: string, verify: string): Promise<TrackedRow> {
  const now = request.server.clock.now().getTime();
  if (lookups.blocked(request.ip, now)) throw new AppError('RATE_LIMITED', '查询失败次数过多，请十五分钟后再试');
  const row = await findTracked(request.server.db, code);
  const expected = trackingSecret(code, verify);
  if (!row?.trackingSecret || !sameDigest(row.trackingSecret, expected)) {
    lookups.record(request.ip, now);
    throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  return row;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function view(request: FastifyRequest, row: TrackedRow): Promise<TrackView> {
  const { events, clocks } = await findPublicHistory(request.server.db, row.id);
  const waiting = waitingSteps[row.state];
  const running = waiting && clocks.find((c) => c.name === waiting.clock && c.status === 'running');
  const correctionClock = clocks.find((c) => c.name === 'correction');
  const timeline = events.flatMap((e) => {
    const step = e.action === 'accept' && row.deemedAccepted ? '依法视为受理' : publicSteps[e.action];
    if (!step) return [];
    const detail = e.action === 'requestCorrection' ? text((e.data as Record<string, unknown> | null)?.items) : null;
    // A mailed application is received the day it was signed for, which may precede its registration.
    const date = e.action === 'open' ? row.receivedOn : beijingTime(e.at).slice(0, 10);
    return [{ date, step, detail }];
  });
  const items = text(row.extra.correctionItems);
  return {
    title: row.title,
    caseNo: row.caseNo,
    state: row.state,
    stateLabel: reconsiderationWorkflow.states[row.state as keyof typeof reconsiderationWorkflow.states]?.label ?? row.state,
    receivedOn: row.receivedOn,
    waitingFor: running ? { step: waiting.step, dueOn: running.dueOn, provisional: running.provisional } : null,
    timeline,
    correction: row.state === 'correcting' && items ? { items, requestedOn: text(row.extra.correctionRequestedOn), dueOn: correctionClock?.dueOn ?? null } : null,
    outcome:
      row.terminal && row.outcome
        ? {
            outcome: row.outcome as Outcome,
            label: outcomeLabels[row.outcome as Outcome] ?? row.outcome,
            decidedOn: row.decidedOn,
            decisionNo: row.decisionNo,
            closedOn: row.closedAt ? beijingTime(row.closedAt).slice(0, 10) : null,
          }
        : null,
    version: row.version,
  };
}

export async function trackApplication(request: FastifyRequest, lookups: Throttle, query: TrackQuery): Promise<TrackView> {
  return view(request, await locate(request, lookups, query.code, query.verify));
}

/** 补正 submitted on the portal: the kernel's transition with no actor (the action is `byApplicant`). */
export async function submitCorrection(request: FastifyRequest, lookups: Throttle, body: CorrectionBody): Promise<TrackView> {
  const row = await locate(request, lookups, body.code, body.verify);
  await request.server.db.transaction((tx) =>
    transition(tx, workflowDeps(request), { caseId: row.id, version: body.version }, 'submitCorrection', { actor: null, meta: request.meta }, { data: { content: body.content } }),
  );
  return view(request, (await findTracked(request.server.db, body.code))!);
}
