import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { maskIdNumber, maskPhone, sm3, type Sm4Box } from '../../../kernel/crypto/sm.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { checkCreditCode } from '../../../kernel/validation/credit-code.ts';
import { checkIdNumber } from '../../../kernel/validation/id-number.ts';
import { eq } from 'drizzle-orm';
import { openCase } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { PENALTY } from '../../enforcement-cases/enforcement-cases.permissions.ts';
import { workflowDeps } from '../../../kernel/workflow/marks.ts';
import { actTitlePhrases, channels, respondentOrgTypes } from '../reconsideration.labels.ts';
import { findActiveOrg, findReconsiderationOffice, isHandler } from '../reconsideration.repository.ts';
import type { ApplicationBody, ApplicationFields, RegisterBody } from '../reconsideration.schemas.ts';
import { reconsiderationCases } from '../reconsideration.tables.ts';
import { HANDLE, reconsiderationWorkflow } from '../reconsideration.workflow.ts';

/** The revised 行政复议法 applies from 2024-01-01 (第九十条); older applications were handled under the old law. */
const LAW_IN_FORCE = '2024-01-01';

/** No 0/O, 1/I: a code read out on the phone or copied from paper is not mistaken. 32 symbols, 12 of them: 60 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;

export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * What the portal compares: SM3 of the tracking code with the last six characters of the ID number
 * or credit code. The code salts it, so equal last sixes of two applicants give different digests.
 */
export const trackingSecret = (trackingCode: string, verification: string): string => sm3(`${trackingCode}:${verification.toUpperCase()}`);

function checkIdentity(input: ApplicationFields, now: Date): void {
  if (input.applicantType === 'person') {
    const result = checkIdNumber(input.identityCode, now);
    if (!result.ok) throw fieldRefused('identityCode', `证件号码：${result.reason}`, 'INVALID_ID_NUMBER');
  } else {
    const result = checkCreditCode(input.identityCode);
    if (!result.ok) throw fieldRefused('identityCode', `证件号码：${result.reason}`, 'INVALID_CREDIT_CODE');
  }
}

interface Registration {
  application: ApplicationFields;
  channel: (typeof channels)[number];
  receivedOn: string;
  regionCode: string;
  /** The 复议机构 that received it: the case's organisation. */
  orgId: string;
  assigneeId?: string;
  /** Who registers it; null for an application on the portal. */
  actor: Actor | null;
  /** The portal offers only the county's own organs as 被申请人. */
  respondentTypes?: readonly (typeof respondentOrgTypes)[number][];
  /** The challenged 行政处罚 decision's case in Fazhi. */
  challengedCaseId?: string;
}

/** 「张三不服岳阳县市场监督管理局行政处罚」: how a case is named in lists and on the portal. */
export const applicationTitle = (a: Pick<ApplicationFields, 'applicantName' | 'actCategory'>, respondentName: string): string =>
  `${a.applicantName}不服${respondentName}${actTitlePhrases[a.actCategory]}`.slice(0, 200);

/** The case's own row: the application as received, personal data sealed with SM4, the portal verification digest. */
export async function insertApplication(
  tx: Tx,
  sm4: Sm4Box,
  r: { caseId: string; regionCode: string; channel: (typeof channels)[number]; receivedOn: string; application: ApplicationFields; trackingCode: string; challengedCaseId?: string },
): Promise<void> {
  const a = r.application;
  await tx.insert(reconsiderationCases).values({
    caseId: r.caseId,
    regionCode: r.regionCode,
    channel: r.channel,
    receivedOn: r.receivedOn,
    applicantType: a.applicantType,
    applicantName: a.applicantName,
    applicantIdEnc: sm4.encrypt(a.identityCode),
    applicantIdMask: maskIdNumber(a.identityCode),
    applicantPhoneEnc: sm4.encrypt(a.phone),
    applicantPhoneMask: maskPhone(a.phone),
    applicantAddress: a.address,
    respondentOrgId: a.respondentOrgId,
    actCategory: a.actCategory,
    actDescription: a.actDescription,
    requests: a.requests,
    facts: a.facts || null,
    trackingSecret: trackingSecret(r.trackingCode, a.identityCode.slice(-6)),
    challengedCaseId: r.challengedCaseId ?? null,
  });
}

/** Opens the case, seals the personal data, sets the portal tracking code: one transaction with its audit row. */
async function register(request: FastifyRequest, r: Registration): Promise<{ id: string; trackingCode: string }> {
  const { application: a } = r;
  const { db, clock, sm4 } = request.server;
  checkIdentity(a, clock.now());
  const today = beijingToday(clock);
  if (r.receivedOn > today) throw fieldRefused('receivedOn', '收到日期不能晚于今天');
  if (r.receivedOn < LAW_IN_FORCE) throw fieldRefused('receivedOn', `收到日期不能早于 ${LAW_IN_FORCE}（修订后的《行政复议法》施行之日）`);
  const respondent = await findActiveOrg(db, r.regionCode, a.respondentOrgId, r.respondentTypes);
  if (!respondent) throw fieldRefused('respondentOrgId', '被申请人：不是本行政区内启用的行政机关');
  if (r.assigneeId && !(await isHandler(db, r.regionCode, r.assigneeId))) throw fieldRefused('assigneeId', '承办人：不是本行政区持有复议办理权限的在用账号');
  if (r.challengedCaseId) {
    const [challenged] = await db.select({ caseType: cases.caseType, regionCode: cases.regionCode, orgId: cases.orgId }).from(cases).where(eq(cases.id, r.challengedCaseId));
    if (!challenged || challenged.caseType !== PENALTY || challenged.regionCode !== r.regionCode || challenged.orgId !== respondent.id) {
      throw fieldRefused('challengedCaseId', '被申请复议的案件：不是被申请人在本行政区办理的行政处罚案件');
    }
  }

  const trackingCode = newTrackingCode();
  return write(request, async (tx) => {
    const opened = await openCase(
      tx,
      workflowDeps(request),
      {
        caseType: reconsiderationWorkflow.caseType,
        regionCode: r.regionCode,
        orgId: r.orgId,
        title: applicationTitle(a, respondent.name),
        partyOrgId: respondent.id,
        assigneeId: r.assigneeId,
        trackingCode,
        receivedOn: r.receivedOn,
        data: { channel: r.channel, receivedOn: r.receivedOn },
      },
      { actor: r.actor, meta: request.meta },
    );
    await insertApplication(tx, sm4, { caseId: opened.id, regionCode: r.regionCode, channel: r.channel, receivedOn: r.receivedOn, application: a, trackingCode, challengedCaseId: r.challengedCaseId });
    return { id: opened.id, trackingCode };
  });
}

/** 登记 by the 复议机构: window, mail (received = the day it was signed for) or another channel. */
export async function registerAtOffice(request: FastifyRequest, body: RegisterBody) {
  requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const { channel, receivedOn, assigneeId, challengedCaseId, ...application } = body;
  return register(request, { application, channel, receivedOn, assigneeId, challengedCaseId, regionCode: actor.regionCode, orgId: actor.orgId, actor });
}

/** 网上申请 on the portal: received today (the day the system confirms it), handled by the region's 复议机构. */
export async function applyOnline(request: FastifyRequest, body: ApplicationBody): Promise<{ trackingCode: string }> {
  const { regionCode, ...application } = body;
  const office = await findReconsiderationOffice(request.server.db, regionCode);
  if (!office) throw new AppError('NOT_FOUND', '该行政区尚未开通网上行政复议申请，请到行政复议机构窗口递交或者邮寄申请');
  const { trackingCode } = await register(request, {
    application,
    channel: 'online',
    receivedOn: beijingToday(request.server.clock),
    regionCode,
    orgId: office,
    actor: null,
    respondentTypes: respondentOrgTypes,
  });
  return { trackingCode };
}
