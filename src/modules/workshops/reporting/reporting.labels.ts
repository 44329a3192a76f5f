import type { TagColour } from '../../../ui/index.ts';
import type { AdjustmentStatus } from './reporting.schema.ts';

export const adjustmentStatusLabels = { planned: 'Prévu', done: 'Fait' } as const satisfies Record<AdjustmentStatus, string>;
export const adjustmentStatusColours = { planned: 'blue', done: 'green' } as const satisfies Record<AdjustmentStatus, TagColour>;
