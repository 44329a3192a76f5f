import type { TagColour } from '../../../ui/index.ts';
import type { AttendanceStatus } from './day.schema.ts';

export const attendanceStatusLabels = {
  present: 'Présent',
  late: 'En retard',
  absent: 'Absent',
} as const satisfies Record<AttendanceStatus, string>;

export const attendanceStatusColours = {
  present: 'green',
  late: 'yellow',
  absent: 'grey',
} as const satisfies Record<AttendanceStatus, TagColour>;
