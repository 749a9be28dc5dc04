import { z } from 'zod';
import { regionSettings } from '../../kernel/config/region-settings.ts';
import type { MessageChannel } from '../../../contracts/messages.ts';

const workingDays = (n: number) => z.number().int().min(1).max(60).default(n);

/**
 * The county's rules for 网民诉求 (⚠ local values: no national statute sets them). Reply periods per
 * channel in working days; whether the coordinator reviews replies before the citizen sees them; the
 * 国办秘函〔2019〕19号 marks: no reply after 2 months costs points, after 3 months (⚠) a veto.
 */
export const MessageSettings = z
  .object({
    portalDays: workingDays(5),
    hotlineDays: workingDays(5),
    mailboxDays: workingDays(10),
    otherDays: workingDays(10),
    reviewReplies: z.boolean().default(false),
    revisionDays: workingDays(3),
    deductMonths: z.number().int().min(1).max(12).default(2),
    vetoMonths: z.number().int().min(1).max(12).default(3),
  })
  .refine((s) => s.vetoMonths >= s.deductMonths, { message: '单项否决的月数不能少于扣分的月数', path: ['vetoMonths'] });
export type MessageSettings = z.infer<typeof MessageSettings>;

export const SETTINGS_PREFIX = 'messages.settings';
const store = regionSettings(SETTINGS_PREFIX, MessageSettings);
export const readMessageSettings = store.read;
export const saveMessageSettings = store.save;

export const replyDaysOf = (s: MessageSettings, channel: MessageChannel): number => ({ portal: s.portalDays, hotline: s.hotlineDays, mailbox: s.mailboxDays, other: s.otherDays })[channel];

/** The reply period of a channel as a clock period, naming where its length comes from. */
export const replyPeriod = (s: MessageSettings, channel: MessageChannel) => ({
  unit: 'workingDays' as const,
  n: replyDaysOf(s, channel),
  basis: '国办秘函〔2019〕19号：网民留言应及时答复（答复期限按本县按渠道设置的工作日计）',
});
