import type { FazhiModule } from '../kernel/module.ts';
import { authModule } from './auth/index.ts';
import { accountsModule } from './accounts/index.ts';
import { orgModule } from './org/index.ts';
import { auditModule } from './audit/index.ts';
import { calendarModule } from './calendar/index.ts';
import { filesModule } from './files/index.ts';
import { casesModule } from './cases/index.ts';
import { statisticsModule } from './statistics/index.ts';
import { reconsiderationModule } from './reconsideration/index.ts';
import { litigationModule } from './litigation/index.ts';
import { normativeModule } from './normative/index.ts';
import { decisionsModule } from './decisions/index.ts';
import { legalityModule } from './legality/index.ts';
import { meetingsModule } from './meetings/index.ts';
import { consultationModule } from './consultation/index.ts';
import { legislationModule } from './legislation/index.ts';
import { searchModule } from './search/index.ts';
import { enforcementCasesModule } from './enforcement-cases/index.ts';
import { enforcementSupervisionModule } from './enforcement-supervision/index.ts';
import { enforcementModule } from './enforcement/index.ts';
import { disclosureModule } from './disclosure/index.ts';
import { messagesModule } from './messages/index.ts';
import { proposalsModule } from './proposals/index.ts';
import { disclosureReportModule } from './disclosure-report/index.ts';

/** Every domain module, in registration order. */
export const modules: FazhiModule[] = [authModule, accountsModule, orgModule, auditModule, calendarModule, filesModule, casesModule, statisticsModule, reconsiderationModule, litigationModule, normativeModule, decisionsModule, legalityModule, meetingsModule, consultationModule, legislationModule, searchModule, enforcementModule, enforcementSupervisionModule, enforcementCasesModule, disclosureModule, proposalsModule, messagesModule, disclosureReportModule];
