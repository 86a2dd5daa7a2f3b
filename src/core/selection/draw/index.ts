export { draw } from './draw';
export { DrawInputError } from './groups';
export { panelProblems, quotaResults, type QuotaResult } from './quota-check';
export { InfeasibleQuotasError, type Algorithm, type DrawPerson, type DrawProblem, type DrawProgress, type DrawQuota, type DrawResult } from './types';
