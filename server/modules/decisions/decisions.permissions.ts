/** The case type and the permissions of 重大行政决策 (no imports: the workflow and the repository both need them). */
export const DECISION = 'decision';

export const READ = 'decisions.read';
/** The 承办单位's work: register a decision, run public participation, expert review, risk assessment, reports. */
export const HANDLE = 'decisions.handle';
/** The catalogue: edit, approve with the Party committee's consent, publish, adjust. */
export const CATALOGUE = 'decisions.catalogue';
/** The government office: the collective decision, publication, change and closing. */
export const DECIDE = 'decisions.decide';
/** The head (行政首长) suspends a decision in urgent cases (条例 第五章 决策执行和调整). */
export const SUSPEND = 'decisions.suspend';
export const SETTINGS = 'decisions.settings';
