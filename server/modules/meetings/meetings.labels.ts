import { allWorkflows } from '../../kernel/workflow/define-workflow.ts';

/** The Chinese name of a linked case's type (重大行政决策, 规范性文件 …), from the registered workflows. */
export const findWorkflowLabel = (caseType: string): string => allWorkflows().find((w) => w.caseType === caseType)?.label ?? caseType;

export const caseTypeLabels = (): Record<string, string> => ({ '': '未关联案件（手工登记）', ...Object.fromEntries(allWorkflows().map((w) => [w.caseType, w.label])) });
