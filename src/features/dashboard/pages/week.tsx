// Quiet hours drawn over the week: one row per day (Monday first), 24 hours across, the quiet time shaded. An
// overnight range shades the end of its start day and the start of the next.
import type { QuietHours } from '../../quiet-and-flood/quiet-hours.js';
import { weekdayNames } from '../../quiet-and-flood/describe.js';

export interface Segment {
  day: number;
  from: number;
  to: number;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** The shaded minutes of each day (0 = Sunday), from the days on which a quiet period starts. */
export function quietSegments(hours: QuietHours): Segment[] {
  const start = minutes(hours.start);
  const end = minutes(hours.end);
  const segments: Segment[] = [];
  for (const day of hours.days ?? [0, 1, 2, 3, 4, 5, 6]) {
    if (end > start) segments.push({ day, from: start, to: end });
    else {
      segments.push({ day, from: start, to: 1440 });
      if (end > 0) segments.push({ day: (day + 1) % 7, from: 0, to: end });
    }
  }
  return segments;
}

const ORDER = [1, 2, 3, 4, 5, 6, 0];
const LABEL = 44;
const WIDTH = 480;
const ROW = 22;

export function Week({ hours, language, label }: { hours: QuietHours | undefined; language: string; label: string }) {
  const segments = hours ? quietSegments(hours) : [];
  const scale = (WIDTH - LABEL) / 1440;
  return (
    <svg class="week" viewBox={`0 0 ${WIDTH} ${ROW * 7 + 18}`} role="img" aria-label={label}>
      {ORDER.map((day, row) => (
        <g>
          <text x="0" y={row * ROW + 15}>{weekdayNames(language, [day])}</text>
          <rect class="day" x={LABEL} y={row * ROW + 2} width={WIDTH - LABEL} height={ROW - 4} />
          {segments
            .filter((s) => s.day === day)
            .map((s) => (
              <rect class="quiet" data-day={day} x={LABEL + s.from * scale} y={row * ROW + 2} width={(s.to - s.from) * scale} height={ROW - 4} />
            ))}
        </g>
      ))}
      {[0, 6, 12, 18, 24].map((h) => (
        <text x={LABEL + h * 60 * scale - (h === 24 ? 14 : 0)} y={ROW * 7 + 14}>{`${String(h).padStart(2, '0')}h`}</text>
      ))}
    </svg>
  );
}
