import { deliveryFormLabels, deliveryMethodLabels } from '../../../../contracts/disclosure.ts';
import { options } from '../../lib/labels.ts';

export const deliveryFormOptions = options(deliveryFormLabels);
export const deliveryMethodOptions = options(deliveryMethodLabels);
