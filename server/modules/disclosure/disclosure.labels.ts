/** Closed vocabularies of the module beyond those of contracts/disclosure.ts (which the annual report shares). */
export { deliveryFormLabels, deliveryForms, deliveryMethodLabels, deliveryMethods, type DeliveryForm, type DeliveryMethod } from '../../../contracts/disclosure.ts';

/** 第三十二条 a third party whose rights may be harmed; 第三十四条 an agency that made the information with this one. */
export const consultationKinds = ['thirdParty', 'agency'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
export const consultationKindLabels: Record<ConsultationKind, string> = { thirdParty: '第三方（第三十二条）', agency: '其他机关（第三十四条）' };

export const consultationOpinions = ['consent', 'object', 'silent'] as const;
export type ConsultationOpinion = (typeof consultationOpinions)[number];
export const consultationOpinionLabels: Record<ConsultationOpinion, string> = {
  consent: '同意公开',
  object: '不同意公开',
  silent: '逾期未提出意见',
};

export const feeModes = ['piece', 'volume'] as const;
export type FeeMode = (typeof feeModes)[number];
export const feeModeLabels: Record<FeeMode, string> = { piece: '按件计收', volume: '按量计收' };
